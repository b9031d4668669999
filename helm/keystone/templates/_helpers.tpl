{{- define "keystone.labels" -}}
app.kubernetes.io/part-of: keystone
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{- define "keystone.url" -}}
http://{{ .release }}-{{ .name }}:{{ .port }}
{{- end }}
