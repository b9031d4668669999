package dev.keystone.routing.replay;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where replayed events go.
 */
interface ReplayTarget {

	/**
	 * Writes a batch of events, returning once every one of them is written.
	 * @param events events as {@code events.enriched} carried them
	 * @return how many were written
	 */
	int write(List<ObjectNode> events);

}
