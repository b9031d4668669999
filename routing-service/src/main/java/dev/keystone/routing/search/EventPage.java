package dev.keystone.routing.search;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/events}: one page of matching events, newest first.
 *
 * @param total how many events match in all
 * @param page the page asked for, from 0
 * @param size events per page
 * @param events the enriched events as stored, without the search-only text field
 */
record EventPage(long total, int page, int size, List<ObjectNode> events) {

}
