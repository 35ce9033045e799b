//! zsh's own parts of the hook, in real zsh: a nested zsh starts its own session, zshexit cleans
//! up, and the `fnox` wrapper returns the command's status (bash and fish too).

use super::as_file::{as_file_project, runtime_dir};
use super::*;
use crate::support::Sandbox;

const ZSH: Sh = Sh { name: "zsh" };

#[test]
fn a_nested_zsh_starts_its_own_session_and_leaves_the_parents_files_alone() {
    let sb = Sandbox::new();
    let proj = as_file_project(&sb);
    let runtime = runtime_dir(&sb);
    let o = |name: &str| out_file(&sb, name).display().to_string();
    // The child activates as a user's .zshrc would, loads, and exits (zshexit runs).
    let child = format!(
        "zsh -f -c 'print -r -- \"${{__FNOX_SESSION-none}}\" > {}; eval \"$(fnox activate zsh)\"; print -r -- \"${{__FNOX_SESSION-none}} $__FNOX_ZSH_PID $$\" > {}; _fnox_hook; print -r -- \"$CERT\" > {}'\n",
        o("child.inherited"),
        o("child.activated"),
        o("child.path"),
    );
    let script = [
        ZSH.activate(),
        ZSH.enter(&proj),
        format!("print -r -- \"$CERT\" > '{}'\n", o("parent.path")),
        format!(
            "print -r -- \"$__FNOX_ZSH_PID $$\" > '{}'\n",
            o("parent.pid")
        ),
        // Activating again in the same zsh keeps its session.
        ZSH.activate(),
        format!(
            "print -r -- \"${{__FNOX_SESSION:+kept}}\" > '{}'\n",
            o("again")
        ),
        child,
        format!(
            "[[ -e $CERT ]] && cat $CERT > '{}'\n",
            o("parent.content.after")
        ),
    ]
    .concat();
    let Some(ran) = run_with(&sb, ZSH, &script, &[("XDG_RUNTIME_DIR", &runtime)]) else {
        return;
    };
    ran.ok(ZSH);
    let pids = read_out(&sb, "parent.pid");
    let (guard, pid) = pids.trim().split_once(' ').unwrap();
    assert_eq!(guard, pid, "__FNOX_ZSH_PID is the zsh's $$");
    assert_eq!(read_out(&sb, "again"), "kept\n");
    assert_ne!(read_out(&sb, "child.inherited"), "none\n", "exported");
    let activated = read_out(&sb, "child.activated");
    let parts: Vec<&str> = activated.split_whitespace().collect();
    assert_eq!(parts[0], "none", "the child dropped its parent's session");
    assert_eq!(parts[1], parts[2], "and took its own");
    let (parent, child) = (read_out(&sb, "parent.path"), read_out(&sb, "child.path"));
    assert_ne!(parent, child, "each shell has its own file");
    assert!(
        !Path::new(child.trim()).exists(),
        "the child's file went when it exited"
    );
    assert_eq!(
        read_out(&sb, "parent.content.after"),
        "-----BEGIN CERT-----\nbody\n"
    );
}

#[test]
fn zshexit_removes_the_shells_as_file_files() {
    let sb = Sandbox::new();
    let proj = as_file_project(&sb);
    let runtime = runtime_dir(&sb);
    let script = [
        ZSH.activate(),
        ZSH.enter(&proj),
        format!(
            "print -r -- \"$CERT\" > '{}'\n",
            out_file(&sb, "path").display()
        ),
    ]
    .concat();
    let Some(ran) = run_with(&sb, ZSH, &script, &[("XDG_RUNTIME_DIR", &runtime)]) else {
        return;
    };
    ran.ok(ZSH);
    let path = PathBuf::from(read_out(&sb, "path").trim());
    assert!(path.starts_with(&runtime), "{}", path.display());
    assert!(!path.exists(), "left behind: {}", path.display());
    assert!(
        !path.parent().unwrap().exists(),
        "the shell's directory went too"
    );
}

#[test]
fn the_fnox_wrapper_returns_the_commands_status() {
    let sb = Sandbox::new();
    sb.write("fnox.toml", "[secrets]\nA = { default = \"a\" }\n");
    for sh in SHELLS {
        let script = if sh.fish() {
            [
                sh.activate(),
                "fnox get A; echo get=$status\n".into(),
                "fnox get NOPE 2>/dev/null; echo missing=$status\n".into(),
                "begin; set -lx FNOX_SHELL; fnox deactivate 2>/dev/null; echo deactivate=$status; end\n".into(),
                "fnox deactivate; echo deactivated=$status\n".into(),
            ]
            .concat()
        } else {
            [
                sh.activate(),
                "fnox get A; echo get=$?\n".into(),
                "fnox get NOPE 2>/dev/null; echo missing=$?\n".into(),
                "(FNOX_SHELL= fnox deactivate 2>/dev/null; echo deactivate=$?)\n".into(),
                "fnox deactivate; echo deactivated=$?\n".into(),
            ]
            .concat()
        };
        let Some(ran) = run(&sb, sh, &script) else {
            continue;
        };
        ran.ok(sh);
        assert_eq!(
            ran.stdout, "a\nget=0\nmissing=1\ndeactivate=1\ndeactivated=0\n",
            "{}: {}",
            sh.name, ran.stderr
        );
    }
}
