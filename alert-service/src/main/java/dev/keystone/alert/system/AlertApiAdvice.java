package dev.keystone.alert.system;

import java.util.List;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.keystone.events.http.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The alert API's errors as problem+json: a bad field or parameter is named, a missing
 * alert or silence is 404, a transition its state does not allow is 409; nothing internal
 * leaks.
 */
@RestControllerAdvice
class AlertApiAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> api(ApiException ex) {
		ProblemDetail problem = ProblemTypes.problem(ex.status(), ex.type(), ex.status().getReasonPhrase(),
				ex.getMessage());
		if (!ex.problems().isEmpty()) {
			problem.setProperty("errors", ex.problems());
			problem.setProperty("field", ex.problems().get(0).field());
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
		if (ex.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, "2");
		}
		return answer.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return api(ApiException.badParameter(ex.getName(), "must be a whole number"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = "body";
		String message = "must be valid JSON of the documented shape";
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			field = path(unknown.getPath());
			message = "is not a known field";
		}
		else if (ex.getCause() instanceof InvalidFormatException invalid) {
			field = path(invalid.getPath());
			message = "has the wrong type or format";
		}
		else if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			field = path(mapping.getPath());
			message = "has the wrong type or format";
		}
		ApiException problem = ApiException.badParameter(field, message);
		return ResponseEntity.badRequest().body(api(problem).getBody());
	}

	private static String path(List<JsonMappingException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : references) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
