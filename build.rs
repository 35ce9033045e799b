//! Links the unwinder statically on Linux with glibc, so fnox does not load libgcc_s.so.1.
//!
//! Rust's standard library asks for `-lgcc_s` (the unwinder, for panics and backtraces). Loading
//! that shared library costs every fnox process its mapping and relocation and runs its
//! constructor, which reads the CPU's features with 12 CPUID instructions; in a VM each is a trap
//! to the host (8.4 us each on the machine the benchmarks ran on). That was ~0.2 ms of a 1.8 ms
//! `fnox --version`. The same unwinder ships as the static archive libgcc_eh.a (what
//! `-static-libgcc` and static builds link). A directory holding it under the name libgcc_s.a is
//! searched before the system's, so `-lgcc_s` takes the archive and the program needs no
//! libgcc_s.so.1. Where the compiler driver has no libgcc_eh.a, nothing changes.
//! `FNOX_SHARED_UNWINDER=1` at build time keeps the shared library.
//!
//! It also hands the linker `bench/link-order.txt`, the functions the common commands run (`get`,
//! `exec`, `export`, `--version`, the hook), so that they sit together at the start of the code
//! instead of spread over its 20 MB: the kernel maps code 64 KiB at a fault, and `get` took 72
//! such faults more than `--version`. `bench/instructions.sh --link-order` writes the list. Only
//! LLD reads it (Rust's default linker on x86_64 Linux); a name the build does not have is passed
//! over, so a list gone stale costs nothing but the gain. `FNOX_LINK_ORDER=0` leaves it out.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    link_order();
    static_unwinder();
}

/// A variable of the build's environment, empty when unset.
fn env(key: &str) -> String {
    std::env::var(key).unwrap_or_default()
}

/// Whether the build is for another target than the machine building it.
fn cross() -> bool {
    env("TARGET") != env("HOST")
}

/// The symbol ordering file, where the linker is LLD: x86_64 Linux with Rust's own linker set-up
/// (no linker named in the environment or the flags).
fn link_order() {
    println!("cargo:rerun-if-env-changed=FNOX_LINK_ORDER");
    println!("cargo:rerun-if-changed=bench/link-order.txt");
    let flags = env("CARGO_ENCODED_RUSTFLAGS");
    let own_linker = flags.contains("linker")
        || flags.contains("link-self-contained")
        || std::env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
        || std::env::var_os("RUSTC_LINKER").is_some();
    if env("TARGET") != "x86_64-unknown-linux-gnu"
        || cross()
        || own_linker
        || env("FNOX_LINK_ORDER") == "0"
    {
        return;
    }
    let list = PathBuf::from(env("CARGO_MANIFEST_DIR")).join("bench/link-order.txt");
    if list.is_file() {
        println!(
            "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            list.display()
        );
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// libgcc_eh.a in place of libgcc_s.so.1 (see the top of this file).
fn static_unwinder() {
    println!("cargo:rerun-if-env-changed=FNOX_SHARED_UNWINDER");
    println!("cargo:rerun-if-env-changed=CC");
    if env("CARGO_CFG_TARGET_OS") != "linux"
        || env("CARGO_CFG_TARGET_ENV") != "gnu"
        || cross()
        || env("CARGO_CFG_TARGET_FEATURE")
            .split(',')
            .any(|f| f == "crt-static")
        || std::env::var_os("FNOX_SHARED_UNWINDER").is_some_and(|v| v != "0")
    {
        return;
    }
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let Ok(out) = Command::new(&cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return;
    };
    let archive = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    // The driver prints the bare name back when it has no such file.
    if !out.status.success() || !archive.is_absolute() || !archive.is_file() {
        return;
    }
    let dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("unwind");
    let _ = std::fs::create_dir_all(&dir);
    let link = dir.join("libgcc_s.a");
    let _ = std::fs::remove_file(&link);
    if std::fs::copy(&archive, &link).is_err() {
        return;
    }
    println!("cargo:rustc-link-search=native={}", dir.display());
}
