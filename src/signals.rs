//! The signals fnox catches while a child runs (`exec`, `edit`), less the ones its caller
//! ignored.
//!
//! An ignored signal (SIG_IGN) stays ignored across fork and exec; that is how `nohup job`
//! and a shell's `trap '' HUP` (or `job &` without job control, for INT and QUIT) keep a job
//! alive. A handler, by contrast, is reset to the default action in the exec'd child. So a
//! signal fnox inherited as ignored must get no handler: fnox then neither dies of it nor
//! passes it on, and the child inherits it ignored, as it would without fnox in between.

/// `wanted`, without the signals whose disposition is SIG_IGN now. Call it before installing
/// any handler for them: it reads the disposition fnox inherited.
pub fn not_ignored(wanted: &[i32]) -> Vec<i32> {
    wanted.iter().copied().filter(|s| !ignored(*s)).collect()
}

fn ignored(signal: i32) -> bool {
    // SAFETY: sigaction(2) with a null new action only reads the current disposition into
    // `old`, a plain C struct for which all-zero is a valid value.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}
