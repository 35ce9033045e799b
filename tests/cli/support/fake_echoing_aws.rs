//! A hand-written FAKE, for failure injection only: an HTTP endpoint that answers every AWS JSON
//! request with a `ValidationException` whose message quotes the whole request body, as a
//! validation error that echoes its input would (moto never does). It shows that fnox keeps a
//! value out of its messages even when the backend puts it into its error. Nothing else about
//! AWS is imitated here.

use std::io::{BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use super::fake_throttling_aws::read_message;

pub struct FakeEchoingAws {
    pub endpoint: String,
    bodies: Arc<Mutex<Vec<String>>>,
}

impl FakeEchoingAws {
    pub fn start() -> FakeEchoingAws {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let seen = bodies.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let seen = seen.clone();
                std::thread::spawn(move || -> std::io::Result<()> {
                    let mut reader = BufReader::new(client.try_clone()?);
                    let mut client = client;
                    while let Some(request) = read_message(&mut reader)? {
                        let text = String::from_utf8_lossy(&request).into_owned();
                        let body = text
                            .split_once("\r\n\r\n")
                            .map_or("", |(_, b)| b)
                            .to_owned();
                        seen.lock().unwrap().push(body.clone());
                        let reply = serde_json::json!({
                            "__type": "ValidationException",
                            "message": format!("1 validation error detected: Value '{body}' failed to satisfy constraint"),
                        })
                        .to_string();
                        write!(
                            client,
                            "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n\
                             x-amzn-RequestId: fake-echoing\r\nContent-Length: {}\r\n\r\n{reply}",
                            reply.len()
                        )?;
                        client.flush()?;
                    }
                    Ok(())
                });
            }
        });
        FakeEchoingAws { endpoint, bodies }
    }

    /// How many request bodies held `needle` (plainly or in base64).
    pub fn received(&self, needle: &str) -> usize {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(needle);
        self.bodies
            .lock()
            .unwrap()
            .iter()
            .filter(|b| b.contains(needle) || b.contains(&b64))
            .count()
    }
}
