/**
 * The HTTP vocabulary the services share: problem types and the problem+json answers of
 * the read APIs, and the project's own headers. Spring's web libraries are optional
 * dependencies of this module, so a service without HTTP does not take them.
 */
package dev.keystone.events.http;
