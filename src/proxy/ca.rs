//! The per-run certificate authority: made in memory when the proxy starts, its private key never
//! written anywhere; it signs a leaf certificate for each intercepted host on first use.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::ServerConfig;

use crate::error::{Error, Result};

pub struct Authority {
    issuer: CertifiedIssuer<'static, KeyPair>,
    provider: Arc<CryptoProvider>,
    leaves: Mutex<HashMap<String, Arc<ServerConfig>>>,
}

impl Authority {
    pub fn new(provider: Arc<CryptoProvider>) -> Result<Authority> {
        let fail = |e: rcgen::Error| Error::new("cannot make the proxy's CA certificate").cause(e);
        let mut params = CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
        params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        params
            .distinguished_name
            .push(DnType::CommonName, "fnox proxy (this run only)");
        let key = KeyPair::generate().map_err(fail)?;
        let issuer = CertifiedIssuer::self_signed(params, key).map_err(fail)?;
        Ok(Authority {
            issuer,
            provider,
            leaves: Mutex::new(HashMap::new()),
        })
    }

    /// The CA certificate (public), for the command's trust store.
    pub fn cert_pem(&self) -> String {
        self.issuer.pem()
    }

    /// The TLS server side for `host`: a leaf certificate for that name signed by the CA,
    /// made once per host.
    pub fn server_config(&self, host: &str) -> Result<Arc<ServerConfig>> {
        if let Some(c) = self.leaves.lock().expect("leaf cache").get(host) {
            return Ok(c.clone());
        }
        let fail = |e: String| {
            Error::new(format!("cannot make the proxy's certificate for {host}")).cause(e)
        };
        let mut params =
            CertificateParams::new(vec![host.to_string()]).map_err(|e| fail(e.to_string()))?;
        params.distinguished_name.push(DnType::CommonName, host);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        let key = KeyPair::generate().map_err(|e| fail(e.to_string()))?;
        let cert = params
            .signed_by(&key, &self.issuer)
            .map_err(|e| fail(e.to_string()))?;
        let private = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let mut config = ServerConfig::builder_with_provider(self.provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| fail(e.to_string()))?
            .with_no_client_auth()
            .with_single_cert(vec![cert.der().clone(), self.issuer.der().clone()], private)
            .map_err(|e| fail(e.to_string()))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        let config = Arc::new(config);
        self.leaves
            .lock()
            .expect("leaf cache")
            .insert(host.to_string(), config.clone());
        Ok(config)
    }
}
