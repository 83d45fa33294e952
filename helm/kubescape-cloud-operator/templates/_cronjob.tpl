{{/*
A recurring-scan CronJob: `ks http-request` POSTs the mounted request-body.json to the
operator. Used for the chart's own schedulers and, inside the template ConfigMaps, for the
CronJobs the operator creates. Parameters (dict): root, name, c (scheduler values), schedule,
tier (armo.tier), bodyConfigMap, labels (YAML string of metadata labels).
With operator.recurringScheduler=croner the CronJob is suspended: the operator fires the scan
from the same object, so a scan never fires twice.
*/}}
{{- define "ks.scanCronJob" -}}
{{- $root := .root -}}
{{- $op := $root.Values.operator -}}
apiVersion: batch/v1
kind: CronJob
metadata:
  name: {{ .name }}
  namespace: {{ include "ks.namespace" $root }}
  labels:
    {{- .labels | nindent 4 }}
    armo.tier: {{ .tier }}
    kubescape.io/tier: core
spec:
  schedule: {{ .schedule | quote }}
  suspend: {{ eq $op.recurringScheduler "croner" }}
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  failedJobsHistoryLimit: 1
  jobTemplate:
    spec:
      backoffLimit: 2
      activeDeadlineSeconds: 600
      ttlSecondsAfterFinished: 86400
      template:
        metadata:
          labels:
            app: {{ .name }}
            armo.tier: {{ .tier }}
            kubescape.io/tier: core
            app.kubernetes.io/name: {{ .name }}
            app.kubernetes.io/instance: {{ $root.Release.Name }}
            app.kubernetes.io/part-of: kubescape
            tier: {{ $root.Values.global.namespaceTier }}
        spec:
          restartPolicy: Never
          serviceAccountName: ks-scheduler
          automountServiceAccountToken: false
          enableServiceLinks: false
          securityContext:
            {{- include "ks.podSecurityContext" . | nindent 12 }}
          {{- with include "ks.imagePullSecrets" $root }}{{ . | trim | nindent 10 }}{{- end }}
          {{- with $root.Values.tolerations }}
          tolerations:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          containers:
            - name: {{ .containerName }}
              image: {{ include "ks.image" (dict "root" $root "c" .c) | quote }}
              imagePullPolicy: {{ include "ks.pullPolicy" (dict "root" $root "c" .c) }}
              args:
                - http-request
                - -method=POST
                - -scheme=http
                - -host=operator:4002
                - -path=v1/triggerAction
                - -headers=Content-Type:application/json
                - -path-body=/home/ks/request-body.json
              env:
                - name: HOME
                  value: /home/ks
              resources:
                {{- toYaml .c.resources | nindent 16 }}
              securityContext:
                {{- include "ks.containerSecurityContext" . | nindent 16 }}
              volumeMounts:
                - name: request-body-volume
                  mountPath: /home/ks/request-body.json
                  subPath: request-body.json
                  readOnly: true
                - name: tmp
                  mountPath: /tmp
                {{- with $root.Values.volumeMounts }}
                {{- toYaml . | nindent 16 }}
                {{- end }}
                {{- with .c.volumeMounts }}
                {{- toYaml . | nindent 16 }}
                {{- end }}
          volumes:
            - name: request-body-volume
              configMap:
                name: {{ .bodyConfigMap }}
            - name: tmp
              emptyDir:
                sizeLimit: 16Mi
            {{- with $root.Values.volumes }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with .c.volumes }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
{{- end }}

{{/* Labels of a CronJob the operator creates from a template: no Helm ownership. */}}
{{- define "ks.templateCronJobLabels" -}}
app: {{ .name }}
tier: {{ .root.Values.global.namespaceTier }}
app.kubernetes.io/part-of: kubescape
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}
