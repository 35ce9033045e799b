//! A hand-written FAKE, for failure injection only: an HTTP proxy in front of the real moto
//! emulator that answers chosen requests with AWS's `ThrottlingException` (moto never throttles)
//! and forwards every other request to moto unchanged. Nothing else about AWS is imitated here.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

const THROTTLED: &str = r#"{"__type":"ThrottlingException","message":"Rate exceeded"}"#;

pub struct FakeThrottlingAws {
    pub endpoint: String,
    requests: Arc<AtomicUsize>,
    throttled: Arc<AtomicUsize>,
}

impl FakeThrottlingAws {
    /// Throttles the first `throttle_first` requests (`usize::MAX`: every one) and forwards the
    /// rest to moto at `moto_endpoint` (`http://127.0.0.1:PORT`).
    pub fn start(moto_endpoint: &str, throttle_first: usize) -> FakeThrottlingAws {
        let upstream = moto_endpoint
            .strip_prefix("http://")
            .expect("moto endpoint is http://HOST:PORT")
            .to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(AtomicUsize::new(0));
        let throttled = Arc::new(AtomicUsize::new(0));
        let (seen, refused) = (requests.clone(), throttled.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (seen, refused, upstream) = (seen.clone(), refused.clone(), upstream.clone());
                std::thread::spawn(move || {
                    let _ = serve(client, &upstream, throttle_first, &seen, &refused);
                });
            }
        });
        FakeThrottlingAws {
            endpoint,
            requests,
            throttled,
        }
    }

    /// Requests received so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// Requests answered with ThrottlingException so far.
    pub fn throttled(&self) -> usize {
        self.throttled.load(Ordering::SeqCst)
    }
}

/// One client connection: requests in sequence (HTTP/1.1 keep-alive) until the client closes.
fn serve(
    client: TcpStream,
    upstream: &str,
    throttle_first: usize,
    seen: &AtomicUsize,
    refused: &AtomicUsize,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut client = client;
    while let Some(request) = read_message(&mut reader)? {
        if seen.fetch_add(1, Ordering::SeqCst) < throttle_first {
            refused.fetch_add(1, Ordering::SeqCst);
            write!(
                client,
                "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n\
                 x-amzn-RequestId: fake-throttling\r\nContent-Length: {}\r\n\r\n{THROTTLED}",
                THROTTLED.len()
            )?;
        } else {
            let mut moto = TcpStream::connect(upstream)?;
            moto.write_all(&request)?;
            let response = read_message(&mut BufReader::new(moto))?
                .ok_or_else(|| std::io::Error::other("moto closed without a response"))?;
            client.write_all(&response)?;
        }
        client.flush()?;
    }
    Ok(())
}

/// One HTTP/1.1 message (head and Content-Length body) as raw bytes; None at a clean end of stream.
pub fn read_message(reader: &mut impl BufRead) -> std::io::Result<Option<Vec<u8>>> {
    let mut message = Vec::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return if message.is_empty() {
                Ok(None)
            } else {
                Err(std::io::Error::other(
                    "connection closed inside a message head",
                ))
            };
        }
        if let Some((name, value)) = line.split_once(':') {
            let name = name.trim().to_ascii_lowercase();
            assert_ne!(
                name, "transfer-encoding",
                "the fake reads Content-Length bodies only"
            );
            if name == "content-length" {
                length = value.trim().parse().unwrap();
            }
        }
        message.extend_from_slice(line.as_bytes());
        if line == "\r\n" {
            break;
        }
    }
    let start = message.len();
    message.resize(start + length, 0);
    reader.read_exact(&mut message[start..])?;
    Ok(Some(message))
}
