package dev.keystone.routing.archive;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how often the archive writes.
 *
 * @param enabled whether the archive consumes {@code events.enriched} at all
 * @param warehouse the Iceberg warehouse, e.g. {@code s3://keystone-archive/warehouse}
 * @param table the table, {@code namespace.name}
 * @param catalog the Iceberg catalog that records the table's snapshots
 * @param s3 the object store
 * @param commitInterval longest time an event waits in the open data files before it is
 * committed
 * @param maxBufferedRecords commit earlier once this many events were read since the last
 * commit
 * @param maxBufferedBytes commit earlier once the JSON of the events read since the last
 * commit reaches this size (the open files hold them compressed, about a tenth of it)
 * @param targetFileSize data file size at which a writer starts a new file
 * @param housekeeping compaction, snapshot expiry and retention
 */
@Validated
@ConfigurationProperties("keystone.routing.archive")
public record ArchiveSettings(boolean enabled, @NotBlank String warehouse,
		@NotBlank @Pattern(regexp = "[A-Za-z0-9_]+\\.[A-Za-z0-9_]+") String table, @Valid @NotNull Catalog catalog,
		@Valid @NotNull S3 s3, @NotNull Duration commitInterval, @Min(1) int maxBufferedRecords,
		@NotNull DataSize maxBufferedBytes, @NotNull DataSize targetFileSize,
		@Valid @NotNull Housekeeping housekeeping) {

	/**
	 * @param type {@code jdbc} or {@code rest}
	 * @param uri a JDBC URL ({@code jdbc:sqlite:...}, {@code jdbc:postgresql://...}) or
	 * the REST catalog's base URL
	 * @param user JDBC user, if any
	 * @param password JDBC password, if any
	 * @param credential a REST catalog's OAuth2 {@code client_id:client_secret}, if any
	 * @param token a REST catalog's bearer token, if any
	 */
	public record Catalog(@Pattern(regexp = "jdbc|rest") String type, @NotBlank String uri, String user,
			String password, String credential, String token) {

	}

	/**
	 * @param endpoint empty for AWS S3, else the S3-compatible store's URL
	 * @param region the store's region
	 * @param pathStyle bucket in the path rather than the host name (MinIO, S3Proxy)
	 * @param accessKeyId empty to use the default AWS credential chain (web identity,
	 * instance profile)
	 * @param secretAccessKey the key's secret
	 */
	public record S3(String endpoint, @NotBlank String region, boolean pathStyle, String accessKeyId,
			String secretAccessKey) {

	}

	/**
	 * @param interval time between two housekeeping runs
	 * @param compactBelow data files smaller than this are rewritten together
	 * @param compactMinFiles a day's partition is compacted once it holds this many small
	 * files
	 * @param snapshotMaxAge snapshots older than this are expired
	 * @param snapshotsToKeep snapshots always kept, whatever their age
	 * @param retention days of events kept; zero keeps everything
	 */
	public record Housekeeping(@NotNull Duration interval, @NotNull DataSize compactBelow, @Min(2) int compactMinFiles,
			@NotNull Duration snapshotMaxAge, @Min(1) int snapshotsToKeep, @NotNull Duration retention) {

	}

}
