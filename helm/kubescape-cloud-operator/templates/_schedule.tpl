{{/*
Scan schedules. A value different from the reference default is used as given. The default
means "once a day at a time derived from the cluster": an existing CronJob keeps its schedule
(it may have been changed through the operator), otherwise minute and hour come from the
adler32 checksum of cluster name, namespace and scan kind, so clusters spread their scans while
every render of one cluster gives the same time.
Parameters (dict): root, value, referenceDefault, cronJobName, kind.
*/}}
{{- define "ks.schedule" -}}
{{- if ne .value .referenceDefault -}}
{{- .value -}}
{{- else -}}
{{- $existing := lookup "batch/v1" "CronJob" (include "ks.namespace" .root) .cronJobName -}}
{{- if and $existing $existing.spec $existing.spec.schedule -}}
{{- $existing.spec.schedule -}}
{{- else -}}
{{- include "ks.derivedSchedule" . -}}
{{- end -}}
{{- end -}}
{{- end }}

{{- define "ks.derivedSchedule" -}}
{{- $seed := printf "%s/%s/%s" (include "ks.clusterName" .root) (include "ks.namespace" .root) .kind -}}
{{- $sum := adler32sum $seed | atoi -}}
{{- printf "%d %d * * *" (mod $sum 60) (mod (div $sum 60) 24) -}}
{{- end }}
