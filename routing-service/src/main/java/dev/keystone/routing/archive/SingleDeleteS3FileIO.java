package dev.keystone.routing.archive;

import org.apache.iceberg.aws.s3.S3FileIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3FileIO that deletes one object per request. Iceberg deletes in bulk after a commit
 * (replaced metadata files, manifests of a retried attempt) and while expiring snapshots;
 * S3-compatible stores such as S3Proxy refuse the AWS SDK's batch delete with its
 * checksum header, and a failed delete there made Iceberg report a commit that had landed
 * as failed. A file that cannot be deleted is logged and left for later: it belongs to no
 * snapshot any more.
 */
public class SingleDeleteS3FileIO extends S3FileIO {

	private static final Logger log = LoggerFactory.getLogger(SingleDeleteS3FileIO.class);

	@Override
	public void deleteFiles(Iterable<String> paths) {
		for (String path : paths) {
			try {
				deleteFile(path);
			}
			catch (RuntimeException ex) {
				log.warn("archive file not deleted, left for later path={} reason={}", path, ex.getMessage());
			}
		}
	}

}
