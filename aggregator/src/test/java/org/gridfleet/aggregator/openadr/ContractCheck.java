package org.gridfleet.aggregator.openadr;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import org.gridfleet.aggregator.openadr.vtn.OpenAdrContract;

/**
 * Validates responses against the official OpenADR 3.0.1 contract read from
 * {@code reference/openadr3/3.0.1/openadr3.yaml} (tests run with the module directory as cwd), loaded with
 * the same in-memory adjustments as production ({@link OpenAdrContract}); no response schema is touched.
 */
public final class ContractCheck {

    public static final String CONTRACT_PATH = "../reference/openadr3/3.0.1/openadr3.yaml";

    private final OpenAPIContract contract;
    private final ResponseValidator responses;

    private ContractCheck(Vertx vertx, OpenAPIContract contract) {
        this.contract = contract;
        this.responses = ResponseValidator.create(vertx, contract);
    }

    public static Future<ContractCheck> load(Vertx vertx) {
        return OpenAdrContract.load(vertx, CONTRACT_PATH).map(c -> new ContractCheck(vertx, c.contract()));
    }

    public OpenAPIContract contract() {
        return contract;
    }

    /** Fails when the response is not what the contract declares for this operation and status. */
    public Future<Void> response(String operationId, int status, String contentType, Buffer body) {
        ValidatableResponse response = body == null || body.length() == 0
                ? ValidatableResponse.create(status)
                : ValidatableResponse.create(status, body, contentType);
        return responses.validate(response, operationId).mapEmpty();
    }
}
