package org.vigil.query.record;

import java.sql.SQLException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/record/verify}, for directors and engineers: verifies the whole record now
 * ({@link RecordVerification}) and answers what it found: {@code intact}, the first finding, up to 100 findings by
 * global index, how far the record is verified and from which global index events carry hashes.
 */
@RestController
class RecordVerifyController {

    private final RecordVerification verification;

    RecordVerifyController(RecordVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/record/verify")
    Verification verify() throws SQLException {
        return verification.verifyAll();
    }
}
