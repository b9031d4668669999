{{- define "keystone.labels" -}}
app.kubernetes.io/part-of: keystone
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}

{{/* The labels that select one service's pods. Takes (dict "root" $ "name" <service>). */}}
{{- define "keystone.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .name }}
{{- end }}

{{- define "keystone.url" -}}
http://{{ .release }}-{{ .name }}:{{ .port }}
{{- end }}

{{- define "keystone.image" -}}
{{ .root.Values.image.registry }}/{{ .root.Values.image.repository }}/{{ .name }}:{{ .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- end }}

{{- define "keystone.infrastructureSecret" -}}
{{ .Release.Name }}-infrastructure
{{- end }}

{{/* Replicas the gateway's limits are shared by. */}}
{{- define "keystone.gatewayShare" -}}
{{- $gw := index .Values.services "gateway" -}}
{{- if and $gw.autoscaling $gw.autoscaling.enabled }}{{ $gw.autoscaling.minReplicas }}{{ else }}{{ $gw.replicas }}{{ end -}}
{{- end }}

{{/*
An env var from a Secret: the user's existing Secret, else the chart's infrastructure Secret when the value is
set inline, else nothing. Takes (dict "root" $ "env" NAME "existing" secretName "existingKey" key "inline" value
"key" chartKey).
*/}}
{{- define "keystone.secretEnv" -}}
{{- if and .existing .existingKey }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .existing }}
      key: {{ .existingKey }}
{{- else if and (not .existing) .inline }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "keystone.infrastructureSecret" .root }}
      key: {{ .key }}
{{- end }}
{{- end }}

{{/* Kafka connection and credentials (the root README's "Credentials"), for every service and the topics Job. */}}
{{- define "keystone.kafkaEnv" -}}
{{- $k := .Values.kafka }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ $k.bootstrapServers | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $k.securityProtocol | quote }}
{{- if hasPrefix "SASL" $k.securityProtocol }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $k.sasl.mechanism | quote }}
{{- include "keystone.secretEnv" (dict "root" . "env" "KAFKA_SASL_USERNAME" "existing" $k.sasl.existingSecret "existingKey" $k.sasl.usernameKey "inline" $k.sasl.username "key" "kafka-sasl-username") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "KAFKA_SASL_PASSWORD" "existing" $k.sasl.existingSecret "existingKey" $k.sasl.passwordKey "inline" $k.sasl.password "key" "kafka-sasl-password") }}
{{- end }}
{{- if $k.tls.caSecret }}
- name: KAFKA_SSL_CA_PEM
  value: /etc/keystone/tls/kafka/{{ $k.tls.caKey }}
{{- end }}
{{- end }}

{{/* Elasticsearch and Cassandra (the root README's "Credentials"), for routing-service. */}}
{{- define "keystone.storeEnv" -}}
{{- $es := .Values.elasticsearch }}
{{- $c := .Values.cassandra }}
- name: ELASTICSEARCH_URIS
  value: {{ $es.uris | quote }}
{{- include "keystone.secretEnv" (dict "root" . "env" "ELASTICSEARCH_USERNAME" "existing" $es.existingSecret "existingKey" (ternary $es.usernameKey "" (not $es.apiKeyKey)) "inline" $es.username "key" "elasticsearch-username") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "ELASTICSEARCH_PASSWORD" "existing" $es.existingSecret "existingKey" (ternary $es.passwordKey "" (not $es.apiKeyKey)) "inline" $es.password "key" "elasticsearch-password") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "ELASTICSEARCH_API_KEY" "existing" $es.existingSecret "existingKey" $es.apiKeyKey "inline" $es.apiKey "key" "elasticsearch-api-key") }}
{{- if $es.tls.caSecret }}
- name: ELASTICSEARCH_CA_PEM
  value: /etc/keystone/tls/elasticsearch/{{ $es.tls.caKey }}
{{- end }}
- name: CASSANDRA_CONTACT_POINTS
  value: {{ $c.contactPoints | quote }}
- name: CASSANDRA_LOCAL_DATACENTER
  value: {{ $c.localDatacenter | quote }}
- name: CASSANDRA_KEYSPACE
  value: {{ $c.keyspace | quote }}
- name: KEYSTONE_ROUTING_KEYSPACE_REPLICATION_FACTOR
  value: {{ $c.replicationFactor | quote }}
{{- include "keystone.secretEnv" (dict "root" . "env" "CASSANDRA_USERNAME" "existing" $c.existingSecret "existingKey" $c.usernameKey "inline" $c.username "key" "cassandra-username") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "CASSANDRA_PASSWORD" "existing" $c.existingSecret "existingKey" $c.passwordKey "inline" $c.password "key" "cassandra-password") }}
- name: CASSANDRA_SSL_ENABLED
  value: {{ $c.tls.enabled | quote }}
{{- if and $c.tls.enabled $c.tls.caSecret }}
- name: CASSANDRA_CA_PEM
  value: /etc/keystone/tls/cassandra/{{ $c.tls.caKey }}
{{- end }}
{{- end }}

{{/* The archive's warehouse, object store and catalog (docs/archive.md), for routing-service. */}}
{{- define "keystone.archiveEnv" -}}
{{- $a := .Values.archive }}
- name: KEYSTONE_ARCHIVE_ENABLED
  value: {{ $a.enabled | quote }}
{{- if $a.enabled }}
- name: KEYSTONE_ARCHIVE_WAREHOUSE
  value: {{ $a.warehouse | quote }}
- name: KEYSTONE_ARCHIVE_COMMIT_INTERVAL
  value: {{ $a.commitInterval | quote }}
- name: KEYSTONE_ARCHIVE_RETENTION
  value: {{ $a.retention | quote }}
- name: KEYSTONE_S3_ENDPOINT
  value: {{ $a.s3.endpoint | quote }}
- name: KEYSTONE_S3_REGION
  value: {{ $a.s3.region | quote }}
- name: KEYSTONE_S3_PATH_STYLE
  value: {{ $a.s3.pathStyle | quote }}
{{- include "keystone.secretEnv" (dict "root" . "env" "AWS_ACCESS_KEY_ID" "existing" $a.s3.existingSecret "existingKey" $a.s3.accessKeyIdKey "inline" "" "key" "") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "AWS_SECRET_ACCESS_KEY" "existing" $a.s3.existingSecret "existingKey" $a.s3.secretAccessKeyKey "inline" "" "key" "") }}
- name: KEYSTONE_ARCHIVE_CATALOG_TYPE
  value: {{ $a.catalog.type | quote }}
- name: KEYSTONE_ARCHIVE_CATALOG_URI
  value: {{ $a.catalog.uri | quote }}
{{- if eq $a.catalog.type "jdbc" }}
{{- include "keystone.secretEnv" (dict "root" . "env" "KEYSTONE_ARCHIVE_CATALOG_USER" "existing" $a.catalog.existingSecret "existingKey" $a.catalog.usernameKey "inline" "" "key" "") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "KEYSTONE_ARCHIVE_CATALOG_PASSWORD" "existing" $a.catalog.existingSecret "existingKey" $a.catalog.passwordKey "inline" "" "key" "") }}
{{- else }}
{{- include "keystone.secretEnv" (dict "root" . "env" "KEYSTONE_ARCHIVE_CATALOG_CREDENTIAL" "existing" $a.catalog.existingSecret "existingKey" $a.catalog.credentialKey "inline" "" "key" "") }}
{{- include "keystone.secretEnv" (dict "root" . "env" "KEYSTONE_ARCHIVE_CATALOG_TOKEN" "existing" $a.catalog.existingSecret "existingKey" $a.catalog.tokenKey "inline" "" "key" "") }}
{{- end }}
{{- end }}
{{- end }}

{{/* routing-service's ServiceAccount, when the archive asks for one of its own. */}}
{{- define "keystone.archiveServiceAccount" -}}
{{- $sa := .Values.archive.serviceAccount }}
{{- if $sa.create }}{{ $sa.name | default (printf "%s-routing-service" .Release.Name) }}{{ else }}{{ $sa.name }}{{ end }}
{{- end }}

{{/* The CA volumes a pod mounts: (dict "root" $ "stores" bool). */}}
{{- define "keystone.caVolumes" -}}
{{- $v := .root.Values }}
{{- if $v.kafka.tls.caSecret }}
- name: kafka-ca
  secret:
    secretName: {{ $v.kafka.tls.caSecret }}
{{- end }}
{{- if .stores }}
{{- if $v.elasticsearch.tls.caSecret }}
- name: elasticsearch-ca
  secret:
    secretName: {{ $v.elasticsearch.tls.caSecret }}
{{- end }}
{{- if and $v.cassandra.tls.enabled $v.cassandra.tls.caSecret }}
- name: cassandra-ca
  secret:
    secretName: {{ $v.cassandra.tls.caSecret }}
{{- end }}
{{- end }}
{{- end }}

{{- define "keystone.caMounts" -}}
{{- $v := .root.Values }}
{{- if $v.kafka.tls.caSecret }}
- name: kafka-ca
  mountPath: /etc/keystone/tls/kafka
  readOnly: true
{{- end }}
{{- if .stores }}
{{- if $v.elasticsearch.tls.caSecret }}
- name: elasticsearch-ca
  mountPath: /etc/keystone/tls/elasticsearch
  readOnly: true
{{- end }}
{{- if and $v.cassandra.tls.enabled $v.cassandra.tls.caSecret }}
- name: cassandra-ca
  mountPath: /etc/keystone/tls/cassandra
  readOnly: true
{{- end }}
{{- end }}
{{- end }}

{{- define "keystone.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "keystone.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}
