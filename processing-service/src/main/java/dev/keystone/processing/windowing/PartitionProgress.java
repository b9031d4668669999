package dev.keystone.processing.windowing;

/**
 * How far the pipeline's consumer group is through {@code events.raw}: which partitions
 * it has read to their end, so that a partition without new records can let its clock
 * follow the wall clock instead of holding every window open.
 */
public interface PartitionProgress {

	/** The number of partitions of {@code events.raw}, or 0 while unknown. */
	int partitions();

	/** Whether everything on the partition has been read and committed. */
	boolean caughtUp(int partition);

	/** For a single-partition topology with nothing waiting, as in topology tests. */
	static PartitionProgress single() {
		return new PartitionProgress() {

			@Override
			public int partitions() {
				return 1;
			}

			@Override
			public boolean caughtUp(int partition) {
				return true;
			}

		};
	}

}
