package org.gridfleet.v2g.ocpp;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * OCPP security profile 3: a charger is who its TLS client certificate says, by the subject's common name (CN),
 * which must be its charger id. TLS has already checked the certificate chains to a configured CA.
 */
final class ClientCertificates {
  private ClientCertificates() {}

  /** True when the leaf certificate's subject CN is exactly {@code chargerId}. */
  static boolean identifies(List<Certificate> chain, String chargerId) {
    if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
      return false;
    }
    try {
      for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType())) {
          return chargerId.equals(rdn.getValue().toString());
        }
      }
      return false;
    } catch (InvalidNameException e) {
      return false;
    }
  }
}
