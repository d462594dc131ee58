package org.gridfleet.aggregator.security;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/** A self-signed server certificate for 127.0.0.1 made at test time, as the PEM pair an operator would configure. */
record SelfSignedPem(Path certPath, Path keyPath) {

    static SelfSignedPem create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Keytool keytool = new Keytool(dir);
        keytool.keyPair("server", "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
        return new SelfSignedPem(keytool.certificatePem("server"), keytool.privateKeyPem("server"));
    }
}
