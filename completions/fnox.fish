# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_fnox_global_optspecs
    string join \n c/config= P/profile= v/verbose q/quiet if-missing= no-color no-defaults non-interactive write-profile= no-daemon age-key-file= h/help V/version
end

function __fish_fnox_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_fnox_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_fnox_using_subcommand
    set -l cmd (__fish_fnox_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c fnox -n "__fish_fnox_needs_command" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_needs_command" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_needs_command" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_needs_command" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_needs_command" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_needs_command" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_needs_command" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_needs_command" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_needs_command" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_needs_command" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_needs_command" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_needs_command" -s V -l version -d 'Print version'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "init" -d 'Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt) with an age provider for your key: zero cloud needed'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "i" -d 'Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt) with an age provider for your key: zero cloud needed'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "get" -d 'Print one secret\'s value (decrypted or fetched) followed by a newline'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "set" -d 'Encrypt or store a secret and record it in fnox.toml (edited in place)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "s" -d 'Encrypt or store a secret and record it in fnox.toml (edited in place)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "list" -d 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "ls" -d 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "secrets" -d 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "remove" -d 'Remove a secret\'s entry from the config file here that defines it (with the comment lines directly above it). A parent directory\'s file is never edited; a value in a remote store is left alone'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "rm" -d 'Remove a secret\'s entry from the config file here that defines it (with the comment lines directly above it). A parent directory\'s file is never edited; a value in a remote store is left alone'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "delete" -d 'Remove a secret\'s entry from the config file here that defines it (with the comment lines directly above it). A parent directory\'s file is never edited; a value in a remote store is left alone'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "exec" -d 'Run a command with the active profile\'s secrets in its environment'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "x" -d 'Run a command with the active profile\'s secrets in its environment'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "export" -d 'Print every secret of the active profile(s) for other tools: .env lines, shell `export`s, JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "ex" -d 'Print every secret of the active profile(s) for other tools: .env lines, shell `export`s, JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "import" -d 'Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values): each is encrypted or stored with the provider and recorded in fnox.toml, in input order, in one atomic write'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "im" -d 'Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values): each is encrypted or stored with the provider and recorded in fnox.toml, in input order, in one atomic write'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "inject" -d 'Replace every secret reference in a text file with its value'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "key" -d 'Key lifecycle of the encryption providers (age, aws-kms, cosmian-kms, vault-transit): which key versions seal which values, rotation to a new key, retirement of old ones'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "lease" -d 'Short-lived credentials from the `[leases.NAME]` tables: create, list, revoke, clean up'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "mcp" -d 'Serve the secrets to an AI agent as an MCP (Model Context Protocol) server on stdin/stdout'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "profiles" -d 'List the profiles defined in the loaded config files, with how many secrets each has'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "provider" -d 'Manage providers: add a template, list, remove, test a connection'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "proxy" -d 'Broker credentials into destination-scoped HTTPS requests: the command gets placeholders, and a local proxy puts the real values in the request headers that `[[proxy.rules]]` allow'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "reencrypt" -d 'Re-encrypt values under the providers\' current settings: after adding or removing an age recipient, changing a KMS key_id, or to move values to another provider (--to)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "completion" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "version" -d 'Print fnox\'s version'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "v" -d 'Print fnox\'s version'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "check" -d 'Check that every secret of the active profile(s) resolves, without printing any value'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "c" -d 'Check that every secret of the active profile(s) resolves, without printing any value'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "doctor" -d 'Show what fnox sees from here: the config files loaded (in order), the active profile(s), the providers and where each is defined, how many secrets there are, which relevant environment variables are set (names only, never values), each provider\'s health (its test, as `fnox provider test --all` runs it), and tips'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "dr" -d 'Show what fnox sees from here: the config files loaded (in order), the active profile(s), the providers and where each is defined, how many secrets there are, which relevant environment variables are set (names only, never values), each provider\'s health (its test, as `fnox provider test --all` runs it), and tips'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "config-files" -d 'List the config files that load from here with these flags, one path per line, in load order: lowest priority first (the global file), the file that wins last'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "edit" -d 'Edit the secrets of the active profile(s) as plaintext in $VISUAL / $EDITOR (default vi)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "sync" -d 'Copy secrets into fnox.toml, re-encrypted with a local cipher, so they resolve offline'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "scan" -d 'Look for plaintext secrets in a directory tree'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "diff" -d 'Show which secrets differ between two versions of a config file: added, removed, changed (with their providers), no value unless --values. Ciphertexts are opaque, so this is what a review of fnox.toml needs'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "merge-driver" -d 'Git merge driver for fnox.toml and its integrity sidecar (fnox.lock): merges secret by secret, so two branches that add or change different secrets merge cleanly and their tags still verify; a secret changed on both sides stays a conflict'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "ci-redact" -d 'Tell the CI to mask every resolved secret value in its logs'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "schema" -d 'Print the JSON Schema of fnox.toml (also committed as schema/fnox.schema.json)'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "__man" -d 'Write fnox.1 and one page per subcommand (fnox-get.1, fnox-provider-add.1, ...) into DIR'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "activate" -d 'Print the code that hooks fnox into your shell: secrets load when you enter a directory with a fnox.toml and unload when you leave it.'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "hook-env" -d 'Print the shell code that brings the environment up to date with this directory\'s secrets'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "deactivate" -d 'Remove fnox\'s shell hook and unload what it loaded, restoring variables you had set before'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "trust" -d 'Trust config files: let them run commands, send credentials to the addresses they name, import files from outside their directory, and load into the shell hook'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "untrust" -d 'Withdraw trust from a config file (or a tree given to `fnox trust --tree`): it may no longer run commands or send credentials, and the shell hook stops loading it'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "tui" -d 'Browse and manage the active profile\'s secrets in a terminal dashboard'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "daemon" -d 'Manage the per-user daemon that keeps resolved values in memory'
complete -c fnox -n "__fish_fnox_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand init" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand init" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand init" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand init" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand init" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand init" -s f -l force -d 'Overwrite an existing file (read-only or not)'
complete -c fnox -n "__fish_fnox_using_subcommand init" -s g -l global -d 'Create the global config (~/.config/fnox/config.toml) instead'
complete -c fnox -n "__fish_fnox_using_subcommand init" -l skip-wizard -d 'Write an empty config and create no key'
complete -c fnox -n "__fish_fnox_using_subcommand init" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand init" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand init" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand init" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand init" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand init" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand i" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand i" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand i" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand i" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand i" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand i" -s f -l force -d 'Overwrite an existing file (read-only or not)'
complete -c fnox -n "__fish_fnox_using_subcommand i" -s g -l global -d 'Create the global config (~/.config/fnox/config.toml) instead'
complete -c fnox -n "__fish_fnox_using_subcommand i" -l skip-wizard -d 'Write an empty config and create no key'
complete -c fnox -n "__fish_fnox_using_subcommand i" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand i" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand i" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand i" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand i" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand i" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand i" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand get" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand get" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand get" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand get" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand get" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand get" -l base64-decode -d 'Decode a base64 value and print the raw bytes (no newline added)'
complete -c fnox -n "__fish_fnox_using_subcommand get" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand get" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand get" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand get" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand get" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand get" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s p -l provider -d 'Provider to encrypt or store with (default: the secret\'s own, else default_provider)' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -s k -l key-name -d 'Name of the value in a remote store (default: KEY)' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -s d -l description -d 'Description stored beside the secret' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -l default -d 'Default used when the provider has no value' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -l from-file -d 'Read the value from a file, verbatim' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand set" -l bytes -d 'With --generate: random bytes (base64, hex) or characters (alnum), 1 to 4096 [default: 32]' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -l format -d 'With --generate: how the random value is written [default: base64]' -r -f -a "base64\t'Standard base64 (with padding) of N random bytes'
hex\t'2N lowercase hexadecimal digits of N random bytes'
alnum\t'N characters drawn uniformly from A-Z, a-z and 0-9'"
complete -c fnox -n "__fish_fnox_using_subcommand set" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand set" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand set" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand set" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand set" -l base64-encode -d 'Store the base64 of the value (for binary data)'
complete -c fnox -n "__fish_fnox_using_subcommand set" -l generate -d 'Store a fresh random value from the OS\'s secure random source; it is never printed'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s n -l dry-run -d 'Show what would change without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand set" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand set" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand set" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand set" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s p -l provider -d 'Provider to encrypt or store with (default: the secret\'s own, else default_provider)' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -s k -l key-name -d 'Name of the value in a remote store (default: KEY)' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -s d -l description -d 'Description stored beside the secret' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -l default -d 'Default used when the provider has no value' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -l from-file -d 'Read the value from a file, verbatim' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand s" -l bytes -d 'With --generate: random bytes (base64, hex) or characters (alnum), 1 to 4096 [default: 32]' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -l format -d 'With --generate: how the random value is written [default: base64]' -r -f -a "base64\t'Standard base64 (with padding) of N random bytes'
hex\t'2N lowercase hexadecimal digits of N random bytes'
alnum\t'N characters drawn uniformly from A-Z, a-z and 0-9'"
complete -c fnox -n "__fish_fnox_using_subcommand s" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand s" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand s" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand s" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand s" -l base64-encode -d 'Store the base64 of the value (for binary data)'
complete -c fnox -n "__fish_fnox_using_subcommand s" -l generate -d 'Store a fresh random value from the OS\'s secure random source; it is never printed'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s n -l dry-run -d 'Show what would change without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand s" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand s" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand s" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand s" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand s" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand list" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand list" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand list" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand list" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand list" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand list" -s f -l full -d 'Show provider keys (ciphertexts, remote names) without shortening them'
complete -c fnox -n "__fish_fnox_using_subcommand list" -s s -l sources -d 'Show the file (absolute path) and line that define each secret'
complete -c fnox -n "__fish_fnox_using_subcommand list" -s V -l values -d 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l json -d 'Print a JSON array (name, type, provider, description, source); never values or ciphertexts'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l stale -d 'Only values not under their provider\'s current settings (other recipients, another KMS key), with the reason: what `fnox reencrypt` would change'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l complete -d 'Secret names only, one per line, in file order (for shell completion)'
complete -c fnox -n "__fish_fnox_using_subcommand list" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand list" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand list" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand list" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s f -l full -d 'Show provider keys (ciphertexts, remote names) without shortening them'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s s -l sources -d 'Show the file (absolute path) and line that define each secret'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s V -l values -d 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l json -d 'Print a JSON array (name, type, provider, description, source); never values or ciphertexts'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l stale -d 'Only values not under their provider\'s current settings (other recipients, another KMS key), with the reason: what `fnox reencrypt` would change'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l complete -d 'Secret names only, one per line, in file order (for shell completion)'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand ls" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s f -l full -d 'Show provider keys (ciphertexts, remote names) without shortening them'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s s -l sources -d 'Show the file (absolute path) and line that define each secret'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s V -l values -d 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l json -d 'Print a JSON array (name, type, provider, description, source); never values or ciphertexts'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l stale -d 'Only values not under their provider\'s current settings (other recipients, another KMS key), with the reason: what `fnox reencrypt` would change'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l complete -d 'Secret names only, one per line, in file order (for shell completion)'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand secrets" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s g -l global -d 'Remove from the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s n -l dry-run -d 'Show what would be removed without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand remove" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s g -l global -d 'Remove from the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s n -l dry-run -d 'Show what would be removed without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand rm" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s g -l global -d 'Remove from the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s n -l dry-run -d 'Show what would be removed without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand delete" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l env-file -d 'Also set the variables of this .env file, with the references in their values resolved (repeatable; a later file wins, and a file wins over fnox.toml)' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand exec" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand exec" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l replace -d 'Replace fnox with the command (same PID; Unix only). `as_file` secrets stay in memory with the command on Linux; elsewhere --replace is refused with them, since fnox must remain to remove the files afterwards'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l strict -d 'Refuse to run the command if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l env-references -d 'Also resolve `secret://TYPE/…` references in inherited variables that name a provider type this project does not configure (off: a variable someone else set, e.g. in CI, must not become a read of whatever your credentials reach) [env: FNOX_ENV_REFERENCES]'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l mask -d 'Replace every secret value (3 bytes or longer; each line of a multi-line value too) with [REDACTED] in the command\'s stdout and stderr, as they stream. Where fnox\'s output is a terminal, the command gets a pseudo-terminal of its own, so colours, prompts and line editing keep working. The default comes from FNOX_MASK, else `[settings] mask` [env: FNOX_MASK]'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l no-mask -d 'Do not mask, whatever FNOX_MASK or `[settings] mask` say'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand exec" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l env-file -d 'Also set the variables of this .env file, with the references in their values resolved (repeatable; a later file wins, and a file wins over fnox.toml)' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand x" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand x" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand x" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand x" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand x" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand x" -l replace -d 'Replace fnox with the command (same PID; Unix only). `as_file` secrets stay in memory with the command on Linux; elsewhere --replace is refused with them, since fnox must remain to remove the files afterwards'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l strict -d 'Refuse to run the command if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l env-references -d 'Also resolve `secret://TYPE/…` references in inherited variables that name a provider type this project does not configure (off: a variable someone else set, e.g. in CI, must not become a read of whatever your credentials reach) [env: FNOX_ENV_REFERENCES]'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l mask -d 'Replace every secret value (3 bytes or longer; each line of a multi-line value too) with [REDACTED] in the command\'s stdout and stderr, as they stream. Where fnox\'s output is a terminal, the command gets a pseudo-terminal of its own, so colours, prompts and line editing keep working. The default comes from FNOX_MASK, else `[settings] mask` [env: FNOX_MASK]'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l no-mask -d 'Do not mask, whatever FNOX_MASK or `[settings] mask` say'
complete -c fnox -n "__fish_fnox_using_subcommand x" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand x" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand x" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand x" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand export" -s f -l format -d 'Output format' -r -f -a "env\t''
shell\t''
json\t''
yaml\t''
toml\t''"
complete -c fnox -n "__fish_fnox_using_subcommand export" -s o -l output -d 'Write to this file (mode 0600, replaced atomically) instead of stdout' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand export" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand export" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand export" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand export" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand export" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand export" -l all -d 'Include secrets whose env setting is false or "exec"'
complete -c fnox -n "__fish_fnox_using_subcommand export" -l header -d 'Start env and shell output with a comment naming the profile'
complete -c fnox -n "__fish_fnox_using_subcommand export" -s n -l dry-run -d 'List what would be exported (names only) without resolving anything'
complete -c fnox -n "__fish_fnox_using_subcommand export" -l strict -d 'Fail if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)'
complete -c fnox -n "__fish_fnox_using_subcommand export" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand export" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand export" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand export" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand export" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand export" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s f -l format -d 'Output format' -r -f -a "env\t''
shell\t''
json\t''
yaml\t''
toml\t''"
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s o -l output -d 'Write to this file (mode 0600, replaced atomically) instead of stdout' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l all -d 'Include secrets whose env setting is false or "exec"'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l header -d 'Start env and shell output with a comment naming the profile'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s n -l dry-run -d 'List what would be exported (names only) without resolving anything'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l strict -d 'Fail if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand ex" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand import" -s p -l provider -d 'Provider to encrypt or store with (default: default_provider)' -r
complete -c fnox -n "__fish_fnox_using_subcommand import" -s i -l input -d 'Read this file instead of stdin' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand import" -l filter -d 'Only import names matching this regular expression' -r
complete -c fnox -n "__fish_fnox_using_subcommand import" -l prefix -d 'Prepend this to every imported name' -r
complete -c fnox -n "__fish_fnox_using_subcommand import" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand import" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand import" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand import" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand import" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand import" -s f -l force -d 'Do not ask for confirmation (required when reading stdin); also writes a read-only config file'
complete -c fnox -n "__fish_fnox_using_subcommand import" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand import" -s n -l dry-run -d 'Show what would be imported without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand import" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand import" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand import" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand import" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand import" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand import" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand import" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand im" -s p -l provider -d 'Provider to encrypt or store with (default: default_provider)' -r
complete -c fnox -n "__fish_fnox_using_subcommand im" -s i -l input -d 'Read this file instead of stdin' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand im" -l filter -d 'Only import names matching this regular expression' -r
complete -c fnox -n "__fish_fnox_using_subcommand im" -l prefix -d 'Prepend this to every imported name' -r
complete -c fnox -n "__fish_fnox_using_subcommand im" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand im" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand im" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand im" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand im" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand im" -s f -l force -d 'Do not ask for confirmation (required when reading stdin); also writes a read-only config file'
complete -c fnox -n "__fish_fnox_using_subcommand im" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand im" -s n -l dry-run -d 'Show what would be imported without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand im" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand im" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand im" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand im" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand im" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand im" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand im" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s i -l in-file -d 'The template to read; stdin when absent or `-`' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s o -l out-file -d 'Write the result to this file (mode 0600, replaced atomically) instead of stdout' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l check -d 'Only check that every reference resolves: print no values, write nothing'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand inject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -f -a "rotate" -d 'Make a new key current and re-encrypt every value of the provider under it'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -f -a "retire" -d 'Retire the key versions below VERSION, once no value needs them'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -f -a "status" -d 'Show each provider\'s key versions and which secrets each still seals'
complete -c fnox -n "__fish_fnox_using_subcommand key; and not __fish_seen_subcommand_from rotate retire status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l key-id -d 'aws-kms, cosmian-kms: the new key\'s id (or ARN / alias)' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l create -d 'aws-kms, cosmian-kms: create the new key in the KMS'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s n -l dry-run -d 'List what would change without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s f -l force -d 'Do not ask for confirmation; also writes read-only config files'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l below -d 'Retire every version below this one (see `fnox key status`)' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s n -l dry-run -d 'Say what would be retired without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s f -l force -d 'Do not ask for confirmation; also writes read-only config files'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from retire" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l json -d 'Print JSON'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Make a new key current and re-encrypt every value of the provider under it'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "retire" -d 'Retire the key versions below VERSION, once no value needs them'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show each provider\'s key versions and which secrets each still seals'
complete -c fnox -n "__fish_fnox_using_subcommand key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -f -a "create" -d 'Create a short-lived credential lease from a secret'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -f -a "list" -d 'List tracked leases'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -f -a "revoke" -d 'Revoke a lease by ID'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -f -a "cleanup" -d 'Revoke all expired leases that need manual cleanup'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and not __fish_seen_subcommand_from create list revoke cleanup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s d -l duration -d 'Lease duration (e.g., "15m", "1h", "2h30m"); overrides config duration' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s f -l format -d 'Output format: shell (a summary on stderr, values masked), json or env (`export K=V` lines) on stdout' -r -f -a "shell\t''
json\t''
env\t''"
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s l -l label -d 'Label for the lease (e.g., session purpose)' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s a -l all -d 'Create leases for all configured backends'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Prompt interactively for missing credentials'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l active -d 'Show only active (non-expired, non-revoked) leases'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l expired -d 'Show only expired leases'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from cleanup" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a short-lived credential lease from a secret'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tracked leases'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a lease by ID'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from help" -f -a "cleanup" -d 'Revoke all expired leases that need manual cleanup'
complete -c fnox -n "__fish_fnox_using_subcommand lease; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l json -d 'Print a JSON array: name, secret count, whether it is active'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand profiles" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "add" -d 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine\'s public key when there is one)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "a" -d 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine\'s public key when there is one)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "set" -d 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine\'s public key when there is one)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "list" -d 'List the providers of the active profile(s)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "ls" -d 'List the providers of the active profile(s)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "remove" -d 'Remove a provider table from the config'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "rm" -d 'Remove a provider table from the config'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "delete" -d 'Remove a provider table from the config'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "test" -d 'Check that a provider is configured and its keys or credentials work (prints no secrets)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "t" -d 'Check that a provider is configured and its keys or credentials work (prints no secrets)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and not __fish_seen_subcommand_from add a set list ls remove rm delete test t help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l vault -d 'Default Proton Pass vault (proton-pass only)' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l vault -d 'Default Proton Pass vault (proton-pass only)' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from a" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l vault -d 'Default Proton Pass vault (proton-pass only)' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l json -d 'Print a JSON array: name, type, source'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l json -d 'Print a JSON array: name, type, source'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s g -l global -d 'Remove from the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s g -l global -d 'Remove from the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s g -l global -d 'Remove from the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s f -l force -d 'Write the config file even when it is read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -s a -l all -d 'Test every provider'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -s a -l all -d 'Test every provider'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from t" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine\'s public key when there is one)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the providers of the active profile(s)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a provider table from the config'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "test" -d 'Check that a provider is configured and its keys or credentials work (prints no secrets)'
complete -c fnox -n "__fish_fnox_using_subcommand provider; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -f -a "rules" -d 'Show the effective credential proxy rules (no secret is resolved)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -f -a "run" -d 'Run a command with placeholder credentials through the local proxy'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and not __fish_seen_subcommand_from rules run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from rules" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from help" -f -a "rules" -d 'Show the effective credential proxy rules (no secret is resolved)'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command with placeholder credentials through the local proxy'
complete -c fnox -n "__fish_fnox_using_subcommand proxy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s p -l provider -d 'Only values of this provider' -r
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l to -d 'Move the values to this encryption provider (it must exist where each value is defined)' -r
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l filter -d 'Only secrets whose name matches this regular expression' -r
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s f -l force -d 'Do not ask for confirmation (without a terminal the answer is read from stdin); also writes read-only config files'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s n -l dry-run -d 'List what would be re-encrypted without changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand reencrypt" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand completion" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand completion" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand completion" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand version" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand version" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand version" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand version" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand version" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand version" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand version" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand version" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand version" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand version" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand version" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand version" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand v" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand v" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand v" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand v" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand v" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand v" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand v" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand v" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand v" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand v" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand v" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand v" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l signers -d 'The allowed signers for --signatures: `ssh-ed25519 AAAA… name` lines (or ssh-keygen\'s allowed_signers). Keep it outside the repository or on a protected branch [env: FNOX_ALLOWED_SIGNERS]' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand check" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand check" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand check" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand check" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand check" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand check" -s a -l all -d 'Count every failure, including secrets whose if_missing is warn or ignore'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l json -d 'Print the outcome as JSON on stdout (profiles, total, ok, failed, not_counted); exit code as without'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l integrity -d 'Also require every value read through a provider to carry a valid integrity tag (an untagged entry counts as a failure, as with FNOX_INTEGRITY=strict); for CI'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l signatures -d 'Check instead that every stored value of every loaded file (all profiles) carries a signature by an allowed signer (see --signers). Builds no provider and needs no decryption key; for CI'
complete -c fnox -n "__fish_fnox_using_subcommand check" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand check" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand check" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l signers -d 'The allowed signers for --signatures: `ssh-ed25519 AAAA… name` lines (or ssh-keygen\'s allowed_signers). Keep it outside the repository or on a protected branch [env: FNOX_ALLOWED_SIGNERS]' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand c" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand c" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand c" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand c" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand c" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand c" -s a -l all -d 'Count every failure, including secrets whose if_missing is warn or ignore'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l json -d 'Print the outcome as JSON on stdout (profiles, total, ok, failed, not_counted); exit code as without'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l integrity -d 'Also require every value read through a provider to carry a valid integrity tag (an untagged entry counts as a failure, as with FNOX_INTEGRITY=strict); for CI'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l signatures -d 'Check instead that every stored value of every loaded file (all profiles) carries a signature by an allowed signer (see --signers). Builds no provider and needs no decryption key; for CI'
complete -c fnox -n "__fish_fnox_using_subcommand c" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand c" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand c" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand c" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l json -d 'Print the same facts as one JSON object (config_files, profiles, providers with their health, secrets, env_set, tips)'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand dr" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l json -d 'Print the same facts as one JSON object (config_files, profiles, providers with their health, secrets, env_set, tips)'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand dr" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand config-files" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand edit" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand edit" -s f -l force -d 'Write the config files even when they are read-only (as `rm -f`)'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s p -l provider -d 'The cipher to encrypt with (default: default_provider)' -r
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s s -l source -d 'Only secrets from this provider' -r
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l filter -d 'Only secrets whose name matches this regular expression' -r
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s g -l global -d 'Write to the global config file'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l local-file -d 'Write to the local override file beside the config (fnox.local.toml / .fnox.local.toml)'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s f -l force -d 'Do not ask for confirmation; also writes a read-only config file'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s n -l dry-run -d 'Show what would be synced without fetching or changing anything'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -s i -l ignore -d 'Skip files matching this glob (repeatable), in addition to .gitignore' -r
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l format -d 'Output format' -r -f -a "human\t''
json\t''"
complete -c fnox -n "__fish_fnox_using_subcommand scan" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand scan" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand scan" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l textconv -d 'Print FILE as one line per secret (for git\'s textconv) instead of comparing two files' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand diff" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand diff" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l values -d 'Also show the old and new values of what differs (only when stdout is a terminal)'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l install -d 'Configure the driver in this repository (git config) and name the files in .gitattributes'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand merge-driver" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand ci-redact" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand schema" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand schema" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand __man" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand __man" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand __man" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand activate" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l no-hook-env -d 'Define the `fnox` wrapper only, without the prompt hook (for testing)'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -s s -l shell -d 'The shell to write code for (default: FNOX_SHELL)' -r -f -a "bash\t''
zsh\t''
fish\t''
nu\t''
pwsh\t''"
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand hook-env" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand deactivate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l tree -d 'Trust every config file under this directory, now and later (your own work tree)' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand trust" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand trust" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l list -d 'List the trusted files and trees'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand trust" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand untrust" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand tui" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand tui" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand tui" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -f -a "start" -d 'Start the daemon in the background (nothing happens when one runs)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -f -a "stop" -d 'Stop the daemon and discard its cache'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -f -a "status" -d 'Say whether the daemon runs, its pid and how many values it holds'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -f -a "clear" -d 'Discard every cached value (the daemon keeps running)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -f -a "serve" -d 'Run the daemon in the foreground (what `start` runs)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and not __fish_seen_subcommand_from start stop status clear serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l json -d 'As JSON'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -s c -l config -d 'Config file to use instead of searching fnox.toml upward from here' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -s P -l profile -d 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l if-missing -d 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]' -r -f -a "error\t''
warn\t''
ignore\t''"
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l write-profile -d 'Profile that writes go to when several are active' -r
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l age-key-file -d 'Deprecated: use FNOX_AGE_KEY_FILE or the provider\'s key_file' -r -F
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Say more about what fnox is doing (on stderr)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'No confirmations and no progress on stderr (warnings and errors still show)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l no-color -d 'No colour in messages (as NO_COLOR)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l no-defaults -d 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l non-interactive -d 'Never prompt [env: FNOX_NON_INTERACTIVE]'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -l no-daemon -d 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start the daemon in the background (nothing happens when one runs)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the daemon and discard its cache'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "status" -d 'Say whether the daemon runs, its pid and how many values it holds'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Discard every cached value (the daemon keeps running)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Run the daemon in the foreground (what `start` runs)'
complete -c fnox -n "__fish_fnox_using_subcommand daemon; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "init" -d 'Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt) with an age provider for your key: zero cloud needed'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "get" -d 'Print one secret\'s value (decrypted or fetched) followed by a newline'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "set" -d 'Encrypt or store a secret and record it in fnox.toml (edited in place)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "list" -d 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "remove" -d 'Remove a secret\'s entry from the config file here that defines it (with the comment lines directly above it). A parent directory\'s file is never edited; a value in a remote store is left alone'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "exec" -d 'Run a command with the active profile\'s secrets in its environment'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "export" -d 'Print every secret of the active profile(s) for other tools: .env lines, shell `export`s, JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "import" -d 'Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values): each is encrypted or stored with the provider and recorded in fnox.toml, in input order, in one atomic write'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "inject" -d 'Replace every secret reference in a text file with its value'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "key" -d 'Key lifecycle of the encryption providers (age, aws-kms, cosmian-kms, vault-transit): which key versions seal which values, rotation to a new key, retirement of old ones'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "lease" -d 'Short-lived credentials from the `[leases.NAME]` tables: create, list, revoke, clean up'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "mcp" -d 'Serve the secrets to an AI agent as an MCP (Model Context Protocol) server on stdin/stdout'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "profiles" -d 'List the profiles defined in the loaded config files, with how many secrets each has'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "provider" -d 'Manage providers: add a template, list, remove, test a connection'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "proxy" -d 'Broker credentials into destination-scoped HTTPS requests: the command gets placeholders, and a local proxy puts the real values in the request headers that `[[proxy.rules]]` allow'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "reencrypt" -d 'Re-encrypt values under the providers\' current settings: after adding or removing an age recipient, changing a KMS key_id, or to move values to another provider (--to)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "completion" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "version" -d 'Print fnox\'s version'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "check" -d 'Check that every secret of the active profile(s) resolves, without printing any value'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "doctor" -d 'Show what fnox sees from here: the config files loaded (in order), the active profile(s), the providers and where each is defined, how many secrets there are, which relevant environment variables are set (names only, never values), each provider\'s health (its test, as `fnox provider test --all` runs it), and tips'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "config-files" -d 'List the config files that load from here with these flags, one path per line, in load order: lowest priority first (the global file), the file that wins last'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "edit" -d 'Edit the secrets of the active profile(s) as plaintext in $VISUAL / $EDITOR (default vi)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "sync" -d 'Copy secrets into fnox.toml, re-encrypted with a local cipher, so they resolve offline'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "scan" -d 'Look for plaintext secrets in a directory tree'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "diff" -d 'Show which secrets differ between two versions of a config file: added, removed, changed (with their providers), no value unless --values. Ciphertexts are opaque, so this is what a review of fnox.toml needs'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "merge-driver" -d 'Git merge driver for fnox.toml and its integrity sidecar (fnox.lock): merges secret by secret, so two branches that add or change different secrets merge cleanly and their tags still verify; a secret changed on both sides stays a conflict'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "ci-redact" -d 'Tell the CI to mask every resolved secret value in its logs'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "schema" -d 'Print the JSON Schema of fnox.toml (also committed as schema/fnox.schema.json)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "__man" -d 'Write fnox.1 and one page per subcommand (fnox-get.1, fnox-provider-add.1, ...) into DIR'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "activate" -d 'Print the code that hooks fnox into your shell: secrets load when you enter a directory with a fnox.toml and unload when you leave it.'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "hook-env" -d 'Print the shell code that brings the environment up to date with this directory\'s secrets'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "deactivate" -d 'Remove fnox\'s shell hook and unload what it loaded, restoring variables you had set before'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "trust" -d 'Trust config files: let them run commands, send credentials to the addresses they name, import files from outside their directory, and load into the shell hook'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "untrust" -d 'Withdraw trust from a config file (or a tree given to `fnox trust --tree`): it may no longer run commands or send credentials, and the shell hook stops loading it'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "tui" -d 'Browse and manage the active profile\'s secrets in a terminal dashboard'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "daemon" -d 'Manage the per-user daemon that keeps resolved values in memory'
complete -c fnox -n "__fish_fnox_using_subcommand help; and not __fish_seen_subcommand_from init get set list remove exec export import inject key lease mcp profiles provider proxy reencrypt completion version check doctor config-files edit sync scan diff merge-driver ci-redact schema __man activate hook-env deactivate trust untrust tui daemon help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "rotate" -d 'Make a new key current and re-encrypt every value of the provider under it'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "retire" -d 'Retire the key versions below VERSION, once no value needs them'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from key" -f -a "status" -d 'Show each provider\'s key versions and which secrets each still seals'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from lease" -f -a "create" -d 'Create a short-lived credential lease from a secret'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from lease" -f -a "list" -d 'List tracked leases'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from lease" -f -a "revoke" -d 'Revoke a lease by ID'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from lease" -f -a "cleanup" -d 'Revoke all expired leases that need manual cleanup'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "add" -d 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine\'s public key when there is one)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "list" -d 'List the providers of the active profile(s)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "remove" -d 'Remove a provider table from the config'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from provider" -f -a "test" -d 'Check that a provider is configured and its keys or credentials work (prints no secrets)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from proxy" -f -a "rules" -d 'Show the effective credential proxy rules (no secret is resolved)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from proxy" -f -a "run" -d 'Run a command with placeholder credentials through the local proxy'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "start" -d 'Start the daemon in the background (nothing happens when one runs)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "stop" -d 'Stop the daemon and discard its cache'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "status" -d 'Say whether the daemon runs, its pid and how many values it holds'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "clear" -d 'Discard every cached value (the daemon keeps running)'
complete -c fnox -n "__fish_fnox_using_subcommand help; and __fish_seen_subcommand_from daemon" -f -a "serve" -d 'Run the daemon in the foreground (what `start` runs)'
