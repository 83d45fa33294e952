{{/* Names, labels, image, security and the pod spec shared by every component. */}}

{{- define "ks.namespace" -}}
{{- .Values.ksNamespace | default .Release.Namespace -}}
{{- end }}

{{- define "ks.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Cluster-scoped objects carry the namespace so two installations never collide. */}}
{{- define "ks.clusterScopedName" -}}
{{- printf "%s:%s" (include "ks.namespace" .root) .name -}}
{{- end }}

{{/* clusterName, or the seed's `cluster-name`, with non-word characters turned into "-". */}}
{{- define "ks.clusterName" -}}
{{- $raw := .Values.clusterName | default (index .Values "cluster-name") | default "" | toString -}}
{{- regexReplaceAll "\\W+" $raw "-" -}}
{{- end }}

{{/* The reference's checks, kept behind the schema as a second line. */}}
{{- define "ks.checkRequired" -}}
{{- if .Values.kubescape.submit -}}
{{- if not .Values.account -}}
{{- fail "submitting is enabled but value for account is not defined: re-run with --set account=<your account id>" -}}
{{- end -}}
{{- if not (include "ks.clusterName" .) -}}
{{- fail "value for clusterName is not defined: re-run with --set clusterName=<your cluster name>" -}}
{{- end -}}
{{- end -}}
{{- end }}

{{/* Whether the reporting components (operator, gateway, kubevuln, kollector) run. */}}
{{- define "ks.enabled" -}}
{{- $c := index .root.Values .name -}}
{{- if and $c.enabled .root.Values.kubescape.submit }}true{{ end -}}
{{- end }}

{{- define "ks.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "ks.labels" -}}
{{ include "ks.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: kubescape
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ include "ks.chart" .root }}
app: {{ .name }}
tier: {{ .root.Values.global.namespaceTier }}
{{- end }}

{{- define "ks.configLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: kubescape
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ include "ks.chart" . }}
app: ks-cloud-config
tier: {{ .Values.global.namespaceTier }}
{{- end }}

{{- define "ks.podLabels" -}}
{{ include "ks.labels" . }}
{{- if .root.Values.addRevisionLabel }}
helm.sh/revision: {{ .root.Release.Revision | quote }}
{{- end }}
{{- end }}

{{/* image: component repository/tag, else the global ones, else appVersion. */}}
{{- define "ks.image" -}}
{{- $c := .c | default dict -}}
{{- $ci := $c.image | default dict -}}
{{- $repo := $ci.repository | default .root.Values.image.repository -}}
{{- $tag := $ci.tag | default .root.Values.image.tag | default .root.Chart.AppVersion | toString -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end }}

{{- define "ks.pullPolicy" -}}
{{- $c := .c | default dict -}}
{{- $ci := $c.image | default dict -}}
{{- $ci.pullPolicy | default .root.Values.image.pullPolicy -}}
{{- end }}

{{/* imagePullSecrets: a single name (reference form) or a list of names / {name}. */}}
{{- define "ks.imagePullSecrets" -}}
{{- $s := .Values.imagePullSecrets -}}
{{- if $s }}
imagePullSecrets:
{{- if kindIs "string" $s }}
  - name: {{ $s }}
{{- else }}
{{- range $s }}
{{- if kindIs "string" . }}
  - name: {{ . }}
{{- else }}
  - name: {{ .name }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/* Extra env: a list of {name, value|valueFrom} or a map of name → value. */}}
{{- define "ks.extraEnv" -}}
{{- if kindIs "map" . }}
{{- range $k, $v := . }}
- name: {{ $k }}
  value: {{ $v | toString | quote }}
{{- end }}
{{- else }}
{{- range . }}
- name: {{ .name }}
{{- if hasKey . "valueFrom" }}
  valueFrom:
    {{- toYaml .valueFrom | nindent 4 }}
{{- else }}
  value: {{ .value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{- define "ks.scheduling" -}}
{{- with .c.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .c.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- $tolerations := concat (.root.Values.tolerations | default list) (.c.tolerations | default list) }}
{{- with $tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{- define "ks.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "ks.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
privileged: false
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* URLs of the backend: the values, or the in-cluster backend when it is enabled. */}}
{{- define "ks.eventReceiverURL" -}}
{{- if .Values.eventReceiverURL }}{{ .Values.eventReceiverURL }}{{ else if .Values.backend.enabled }}http://backend:8080{{ end -}}
{{- end }}

{{- define "ks.gatewayURL" -}}
{{- if .Values.gatewayURL }}{{ .Values.gatewayURL }}{{ else if .Values.backend.enabled }}ws://backend:8080/v1/waitfornotification{{ end -}}
{{- end }}

{{/* Cloud provider metadata: top-level spelling first, then cloudProviderMetadata.* */}}
{{- define "ks.cloudValue" -}}
{{- $meta := .root.Values.cloudProviderMetadata | default dict -}}
{{- index .root.Values .key | default (index $meta .key) | default "" -}}
{{- end }}

{{- define "ks.cloudProvider" -}}
{{- $engine := include "ks.cloudValue" (dict "root" . "key" "cloudProviderEngine") | lower -}}
{{- if or (contains "eks" $engine) (contains "aws" $engine) (contains "amazon" $engine) }}eks
{{- else if or (contains "gke" $engine) (contains "gcp" $engine) (contains "google" $engine) }}gke
{{- end -}}
{{- end }}

{{/* IRSA / Workload Identity annotations for ServiceAccounts that call cloud APIs. */}}
{{- define "ks.cloudAnnotations" -}}
{{- $role := include "ks.cloudValue" (dict "root" . "key" "awsIamRoleArn") -}}
{{- $gsa := include "ks.cloudValue" (dict "root" . "key" "gkeServiceAccount") -}}
{{- if $role }}
annotations:
  eks.amazonaws.com/role-arn: {{ $role | quote }}
{{- else if $gsa }}
annotations:
  iam.gke.io/gcp-service-account: {{ $gsa | quote }}
{{- end }}
{{- end }}

{{/* The API key: the value, else the one already in the cluster, else a new one when the
     in-cluster backend needs one. */}}
{{- define "ks.accessKey" -}}
{{- if .Values.accessKey -}}
{{- .Values.accessKey -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" (include "ks.namespace" .) "cloud-secret" -}}
{{- if and $existing $existing.data (index $existing.data "accessKey") -}}
{{- index $existing.data "accessKey" | b64dec -}}
{{- else if .Values.backend.enabled -}}
{{- randAlphaNum 40 -}}
{{- end -}}
{{- end -}}
{{- end }}

{{/* Volumes every component pod has: clusterData, credentials, writable /tmp and home. */}}
{{- define "ks.commonVolumes" -}}
- name: cloud-config
  configMap:
    name: {{ .root.Values.global.cloudConfig }}
    items:
      - key: clusterData
        path: clusterData.json
- name: credentials
  secret:
    secretName: cloud-secret
    defaultMode: 0440
- name: tmp
  emptyDir:
    {{- if .tmpSizeLimit }}
    sizeLimit: {{ .tmpSizeLimit }}
    {{- else }}
    sizeLimit: 256Mi
    {{- end }}
- name: home
  emptyDir:
    sizeLimit: 64Mi
{{- with .root.Values.volumes }}
{{ toYaml . }}
{{- end }}
{{- with .c.volumes }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "ks.commonMounts" -}}
- name: cloud-config
  mountPath: /etc/config
  readOnly: true
- name: credentials
  mountPath: /etc/credentials
  readOnly: true
- name: tmp
  mountPath: /tmp
- name: home
  mountPath: /home/ks
{{- with .root.Values.volumeMounts }}
{{ toYaml . }}
{{- end }}
{{- with .c.volumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The pod template of a component service. Parameters (dict): root, name, c (the component's
values), serviceAccount, apiAccess (mount a token), ports, env, probes, extraVolumes, extraMounts (YAML strings), tmpSizeLimit.
*/}}
{{- define "ks.componentPod" -}}
{{- $root := .root -}}
metadata:
  labels:
    {{- include "ks.podLabels" (dict "root" $root "name" .name) | nindent 4 }}
  annotations:
    checksum/cloud-config: {{ include (print $root.Template.BasePath "/configs/cloud-config.yaml") $root | sha256sum | trunc 16 }}
spec:
  serviceAccountName: {{ .serviceAccount }}
  {{- /* Never automounted; components that call the API get the same projected token explicitly. */}}
  automountServiceAccountToken: false
  enableServiceLinks: false
  securityContext:
    {{- include "ks.podSecurityContext" . | nindent 4 }}
  {{- with include "ks.imagePullSecrets" $root }}{{ . | trim | nindent 2 }}{{- end }}
  {{- with include "ks.scheduling" (dict "root" $root "c" .c) }}{{ . | trim | nindent 2 }}{{- end }}
  containers:
    - name: {{ .name }}
      image: {{ include "ks.image" (dict "root" $root "c" .c) | quote }}
      imagePullPolicy: {{ include "ks.pullPolicy" (dict "root" $root "c" .c) }}
      args: [{{ .name | quote }}]
      ports:
        {{- .ports | nindent 8 }}
      env:
        - name: NAMESPACE
          value: {{ include "ks.namespace" $root | quote }}
        - name: RELEASE
          value: {{ $root.Release.Name | quote }}
        - name: CONFIG
          value: /etc/config/clusterData.json
        - name: HOME
          value: /home/ks
        {{- with .env }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with include "ks.extraEnv" .c.env }}{{ . | trim | nindent 8 }}{{- end }}
      {{- .probes | nindent 6 }}
      resources:
        {{- toYaml .c.resources | nindent 8 }}
      securityContext:
        {{- include "ks.containerSecurityContext" . | nindent 8 }}
      volumeMounts:
        {{- include "ks.commonMounts" . | nindent 8 }}
        {{- if .apiAccess }}
        - name: api-token
          mountPath: /var/run/secrets/kubernetes.io/serviceaccount
          readOnly: true
        {{- end }}
        {{- with .extraMounts }}
        {{- . | nindent 8 }}
        {{- end }}
  volumes:
    {{- include "ks.commonVolumes" . | nindent 4 }}
    {{- if .apiAccess }}
    {{- include "ks.apiTokenVolume" . | nindent 4 }}
    {{- end }}
    {{- with .extraVolumes }}
    {{- . | nindent 4 }}
    {{- end }}
{{- end }}

{{/* What automounting would give (token, CA, namespace), as an explicit projected volume. */}}
{{- define "ks.apiTokenVolume" -}}
- name: api-token
  projected:
    defaultMode: 0444
    sources:
      - serviceAccountToken:
          path: token
          expirationSeconds: 3607
      - configMap:
          name: kube-root-ca.crt
          items:
            - key: ca.crt
              path: ca.crt
      - downwardAPI:
          items:
            - path: namespace
              fieldRef:
                fieldPath: metadata.namespace
{{- end }}

{{/* Liveness and readiness on the component's real health routes. */}}
{{- define "ks.probes" -}}
livenessProbe:
  httpGet:
    path: {{ .live }}
    port: {{ .port }}
  initialDelaySeconds: 3
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: {{ .ready }}
    port: {{ .port }}
  initialDelaySeconds: 3
  periodSeconds: 3
{{- end }}

{{- define "ks.deploymentStrategy" -}}
revisionHistoryLimit: 2
strategy:
  type: RollingUpdate
  rollingUpdate:
    maxSurge: 0%
    maxUnavailable: 100%
{{- end }}
