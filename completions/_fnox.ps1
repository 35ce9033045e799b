
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'fnox' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'fnox'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'fnox' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt) with an age provider for your key: zero cloud needed')
            [CompletionResult]::new('i', 'i', [CompletionResultType]::ParameterValue, 'Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt) with an age provider for your key: zero cloud needed')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one secret''s value (decrypted or fetched) followed by a newline')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Encrypt or store a secret and record it in fnox.toml (edited in place)')
            [CompletionResult]::new('s', 's', [CompletionResultType]::ParameterValue, 'Encrypt or store a secret and record it in fnox.toml (edited in place)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)')
            [CompletionResult]::new('secrets', 'secrets', [CompletionResultType]::ParameterValue, 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a secret''s entry from the config file here that defines it (with the comment lines directly above it). A parent directory''s file is never edited; a value in a remote store is left alone')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a secret''s entry from the config file here that defines it (with the comment lines directly above it). A parent directory''s file is never edited; a value in a remote store is left alone')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove a secret''s entry from the config file here that defines it (with the comment lines directly above it). A parent directory''s file is never edited; a value in a remote store is left alone')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with the active profile''s secrets in its environment')
            [CompletionResult]::new('x', 'x', [CompletionResultType]::ParameterValue, 'Run a command with the active profile''s secrets in its environment')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every secret of the active profile(s) for other tools: .env lines, shell `export`s, JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all')
            [CompletionResult]::new('ex', 'ex', [CompletionResultType]::ParameterValue, 'Print every secret of the active profile(s) for other tools: .env lines, shell `export`s, JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values): each is encrypted or stored with the provider and recorded in fnox.toml, in input order, in one atomic write')
            [CompletionResult]::new('im', 'im', [CompletionResultType]::ParameterValue, 'Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values): each is encrypted or stored with the provider and recorded in fnox.toml, in input order, in one atomic write')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Replace every secret reference in a text file with its value')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Key lifecycle of the encryption providers (age, aws-kms, cosmian-kms, vault-transit): which key versions seal which values, rotation to a new key, retirement of old ones')
            [CompletionResult]::new('lease', 'lease', [CompletionResultType]::ParameterValue, 'Short-lived credentials from the `[leases.NAME]` tables: create, list, revoke, clean up')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the secrets to an AI agent as an MCP (Model Context Protocol) server on stdin/stdout')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles defined in the loaded config files, with how many secrets each has')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Manage providers: add a template, list, remove, test a connection')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Broker credentials into destination-scoped HTTPS requests: the command gets placeholders, and a local proxy puts the real values in the request headers that `[[proxy.rules]]` allow')
            [CompletionResult]::new('reencrypt', 'reencrypt', [CompletionResultType]::ParameterValue, 'Re-encrypt values under the providers'' current settings: after adding or removing an age recipient, changing a KMS key_id, or to move values to another provider (--to)')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print fnox''s version')
            [CompletionResult]::new('v', 'v', [CompletionResultType]::ParameterValue, 'Print fnox''s version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that every secret of the active profile(s) resolves, without printing any value')
            [CompletionResult]::new('c', 'c', [CompletionResultType]::ParameterValue, 'Check that every secret of the active profile(s) resolves, without printing any value')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Show what fnox sees from here: the config files loaded (in order), the active profile(s), the providers and where each is defined, how many secrets there are, which relevant environment variables are set (names only, never values), each provider''s health (its test, as `fnox provider test --all` runs it), and tips')
            [CompletionResult]::new('dr', 'dr', [CompletionResultType]::ParameterValue, 'Show what fnox sees from here: the config files loaded (in order), the active profile(s), the providers and where each is defined, how many secrets there are, which relevant environment variables are set (names only, never values), each provider''s health (its test, as `fnox provider test --all` runs it), and tips')
            [CompletionResult]::new('config-files', 'config-files', [CompletionResultType]::ParameterValue, 'List the config files that load from here with these flags, one path per line, in load order: lowest priority first (the global file), the file that wins last')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit the secrets of the active profile(s) as plaintext in $VISUAL / $EDITOR (default vi)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy secrets into fnox.toml, re-encrypted with a local cipher, so they resolve offline')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Look for plaintext secrets in a directory tree')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show which secrets differ between two versions of a config file: added, removed, changed (with their providers), no value unless --values. Ciphertexts are opaque, so this is what a review of fnox.toml needs')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'Git merge driver for fnox.toml and its integrity sidecar (fnox.lock): merges secret by secret, so two branches that add or change different secrets merge cleanly and their tags still verify; a secret changed on both sides stays a conflict')
            [CompletionResult]::new('ci-redact', 'ci-redact', [CompletionResultType]::ParameterValue, 'Tell the CI to mask every resolved secret value in its logs')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of fnox.toml (also committed as schema/fnox.schema.json)')
            [CompletionResult]::new('__man', '__man', [CompletionResultType]::ParameterValue, 'Write fnox.1 and one page per subcommand (fnox-get.1, fnox-provider-add.1, ...) into DIR')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Print the code that hooks fnox into your shell: secrets load when you enter a directory with a fnox.toml and unload when you leave it.')
            [CompletionResult]::new('hook-env', 'hook-env', [CompletionResultType]::ParameterValue, 'Print the shell code that brings the environment up to date with this directory''s secrets')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Remove fnox''s shell hook and unload what it loaded, restoring variables you had set before')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Trust config files: let them run commands, send credentials to the addresses they name, import files from outside their directory, and load into the shell hook')
            [CompletionResult]::new('untrust', 'untrust', [CompletionResultType]::ParameterValue, 'Withdraw trust from a config file (or a tree given to `fnox trust --tree`): it may no longer run commands or send credentials, and the shell hook stops loading it')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'Browse and manage the active profile''s secrets in a terminal dashboard')
            [CompletionResult]::new('daemon', 'daemon', [CompletionResultType]::ParameterValue, 'Manage the per-user daemon that keeps resolved values in memory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;init' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Overwrite an existing file (read-only or not)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file (read-only or not)')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Create the global config (~/.config/fnox/config.toml) instead')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Create the global config (~/.config/fnox/config.toml) instead')
            [CompletionResult]::new('--skip-wizard', '--skip-wizard', [CompletionResultType]::ParameterName, 'Write an empty config and create no key')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;i' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Overwrite an existing file (read-only or not)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file (read-only or not)')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Create the global config (~/.config/fnox/config.toml) instead')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Create the global config (~/.config/fnox/config.toml) instead')
            [CompletionResult]::new('--skip-wizard', '--skip-wizard', [CompletionResultType]::ParameterName, 'Write an empty config and create no key')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;get' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--base64-decode', '--base64-decode', [CompletionResultType]::ParameterName, 'Decode a base64 value and print the raw bytes (no newline added)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;set' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: the secret''s own, else default_provider)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: the secret''s own, else default_provider)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Name of the value in a remote store (default: KEY)')
            [CompletionResult]::new('--key-name', '--key-name', [CompletionResultType]::ParameterName, 'Name of the value in a remote store (default: KEY)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Description stored beside the secret')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description stored beside the secret')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Default used when the provider has no value')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the value from a file, verbatim')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'With --generate: random bytes (base64, hex) or characters (alnum), 1 to 4096 [default: 32]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'With --generate: how the random value is written [default: base64]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--base64-encode', '--base64-encode', [CompletionResultType]::ParameterName, 'Store the base64 of the value (for binary data)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Store a fresh random value from the OS''s secure random source; it is never printed')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;s' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: the secret''s own, else default_provider)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: the secret''s own, else default_provider)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Name of the value in a remote store (default: KEY)')
            [CompletionResult]::new('--key-name', '--key-name', [CompletionResultType]::ParameterName, 'Name of the value in a remote store (default: KEY)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Description stored beside the secret')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Description stored beside the secret')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Default used when the provider has no value')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read the value from a file, verbatim')
            [CompletionResult]::new('--bytes', '--bytes', [CompletionResultType]::ParameterName, 'With --generate: random bytes (base64, hex) or characters (alnum), 1 to 4096 [default: 32]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'With --generate: how the random value is written [default: base64]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--base64-encode', '--base64-encode', [CompletionResultType]::ParameterName, 'Store the base64 of the value (for binary data)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Store a fresh random value from the OS''s secure random source; it is never printed')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would change without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Show provider keys (ciphertexts, remote names) without shortening them')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Show provider keys (ciphertexts, remote names) without shortening them')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Show the file (absolute path) and line that define each secret')
            [CompletionResult]::new('--sources', '--sources', [CompletionResultType]::ParameterName, 'Show the file (absolute path) and line that define each secret')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array (name, type, provider, description, source); never values or ciphertexts')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Only values not under their provider''s current settings (other recipients, another KMS key), with the reason: what `fnox reencrypt` would change')
            [CompletionResult]::new('--complete', '--complete', [CompletionResultType]::ParameterName, 'Secret names only, one per line, in file order (for shell completion)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;ls' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Show provider keys (ciphertexts, remote names) without shortening them')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Show provider keys (ciphertexts, remote names) without shortening them')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Show the file (absolute path) and line that define each secret')
            [CompletionResult]::new('--sources', '--sources', [CompletionResultType]::ParameterName, 'Show the file (absolute path) and line that define each secret')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array (name, type, provider, description, source); never values or ciphertexts')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Only values not under their provider''s current settings (other recipients, another KMS key), with the reason: what `fnox reencrypt` would change')
            [CompletionResult]::new('--complete', '--complete', [CompletionResultType]::ParameterName, 'Secret names only, one per line, in file order (for shell completion)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;secrets' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Show provider keys (ciphertexts, remote names) without shortening them')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Show provider keys (ciphertexts, remote names) without shortening them')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Show the file (absolute path) and line that define each secret')
            [CompletionResult]::new('--sources', '--sources', [CompletionResultType]::ParameterName, 'Show the file (absolute path) and line that define each secret')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Resolve every secret and show its value in a last column (`<not available>` when it cannot be resolved)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array (name, type, provider, description, source); never values or ciphertexts')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Only values not under their provider''s current settings (other recipients, another KMS key), with the reason: what `fnox reencrypt` would change')
            [CompletionResult]::new('--complete', '--complete', [CompletionResultType]::ParameterName, 'Secret names only, one per line, in file order (for shell completion)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;remove' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be removed without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;rm' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be removed without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;delete' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be removed without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;exec' {
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also set the variables of this .env file, with the references in their values resolved (repeatable; a later file wins, and a file wins over fnox.toml)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace fnox with the command (same PID; Unix only). `as_file` secrets stay in memory with the command on Linux; elsewhere --replace is refused with them, since fnox must remain to remove the files afterwards')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse to run the command if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)')
            [CompletionResult]::new('--env-references', '--env-references', [CompletionResultType]::ParameterName, 'Also resolve `secret://TYPE/…` references in inherited variables that name a provider type this project does not configure (off: a variable someone else set, e.g. in CI, must not become a read of whatever your credentials reach) [env: FNOX_ENV_REFERENCES]')
            [CompletionResult]::new('--mask', '--mask', [CompletionResultType]::ParameterName, 'Replace every secret value (3 bytes or longer; each line of a multi-line value too) with [REDACTED] in the command''s stdout and stderr, as they stream. Where fnox''s output is a terminal, the command gets a pseudo-terminal of its own, so colours, prompts and line editing keep working. The default comes from FNOX_MASK, else `[settings] mask` [env: FNOX_MASK]')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not mask, whatever FNOX_MASK or `[settings] mask` say')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;x' {
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Also set the variables of this .env file, with the references in their values resolved (repeatable; a later file wins, and a file wins over fnox.toml)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace fnox with the command (same PID; Unix only). `as_file` secrets stay in memory with the command on Linux; elsewhere --replace is refused with them, since fnox must remain to remove the files afterwards')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Refuse to run the command if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)')
            [CompletionResult]::new('--env-references', '--env-references', [CompletionResultType]::ParameterName, 'Also resolve `secret://TYPE/…` references in inherited variables that name a provider type this project does not configure (off: a variable someone else set, e.g. in CI, must not become a read of whatever your credentials reach) [env: FNOX_ENV_REFERENCES]')
            [CompletionResult]::new('--mask', '--mask', [CompletionResultType]::ParameterName, 'Replace every secret value (3 bytes or longer; each line of a multi-line value too) with [REDACTED] in the command''s stdout and stderr, as they stream. Where fnox''s output is a terminal, the command gets a pseudo-terminal of its own, so colours, prompts and line editing keep working. The default comes from FNOX_MASK, else `[settings] mask` [env: FNOX_MASK]')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not mask, whatever FNOX_MASK or `[settings] mask` say')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;export' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include secrets whose env setting is false or "exec"')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Start env and shell output with a comment naming the profile')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'List what would be exported (names only) without resolving anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be exported (names only) without resolving anything')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;ex' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include secrets whose env setting is false or "exec"')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Start env and shell output with a comment naming the profile')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'List what would be exported (names only) without resolving anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be exported (names only) without resolving anything')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail if any secret cannot be resolved (if_missing = "error" for this run, whatever the config or FNOX_IF_MISSING say)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;import' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: default_provider)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: default_provider)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Read this file instead of stdin')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read this file instead of stdin')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only import names matching this regular expression')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Prepend this to every imported name')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when reading stdin); also writes a read-only config file')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when reading stdin); also writes a read-only config file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be imported without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be imported without changing anything')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;im' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: default_provider)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Provider to encrypt or store with (default: default_provider)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Read this file instead of stdin')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read this file instead of stdin')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only import names matching this regular expression')
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Prepend this to every imported name')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when reading stdin); also writes a read-only config file')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when reading stdin); also writes a read-only config file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be imported without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be imported without changing anything')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;inject' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'The template to read; stdin when absent or `-`')
            [CompletionResult]::new('--in-file', '--in-file', [CompletionResultType]::ParameterName, 'The template to read; stdin when absent or `-`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the result to this file (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('--out-file', '--out-file', [CompletionResultType]::ParameterName, 'Write the result to this file (mode 0600, replaced atomically) instead of stdout')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only check that every reference resolves: print no values, write nothing')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;key' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Make a new key current and re-encrypt every value of the provider under it')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Retire the key versions below VERSION, once no value needs them')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each provider''s key versions and which secrets each still seals')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;key;rotate' {
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'aws-kms, cosmian-kms: the new key''s id (or ARN / alias)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'aws-kms, cosmian-kms: create the new key in the KMS')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'List what would change without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would change without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; also writes read-only config files')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; also writes read-only config files')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;key;retire' {
            [CompletionResult]::new('--below', '--below', [CompletionResultType]::ParameterName, 'Retire every version below this one (see `fnox key status`)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Say what would be retired without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be retired without changing anything')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; also writes read-only config files')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; also writes read-only config files')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;key;status' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;key;help' {
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Make a new key current and re-encrypt every value of the provider under it')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Retire the key versions below VERSION, once no value needs them')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each provider''s key versions and which secrets each still seals')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;key;help;rotate' {
            break
        }
        'fnox;key;help;retire' {
            break
        }
        'fnox;key;help;status' {
            break
        }
        'fnox;key;help;help' {
            break
        }
        'fnox;lease' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a short-lived credential lease from a secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tracked leases')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a lease by ID')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Revoke all expired leases that need manual cleanup')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;lease;create' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Lease duration (e.g., "15m", "1h", "2h30m"); overrides config duration')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Lease duration (e.g., "15m", "1h", "2h30m"); overrides config duration')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format: shell (a summary on stderr, values masked), json or env (`export K=V` lines) on stdout')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: shell (a summary on stderr, values masked), json or env (`export K=V` lines) on stdout')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Label for the lease (e.g., session purpose)')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'Label for the lease (e.g., session purpose)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Create leases for all configured backends')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Create leases for all configured backends')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Prompt interactively for missing credentials')
            [CompletionResult]::new('--interactive', '--interactive', [CompletionResultType]::ParameterName, 'Prompt interactively for missing credentials')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;lease;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Show only active (non-expired, non-revoked) leases')
            [CompletionResult]::new('--expired', '--expired', [CompletionResultType]::ParameterName, 'Show only expired leases')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;lease;revoke' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;lease;cleanup' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;lease;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a short-lived credential lease from a secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tracked leases')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a lease by ID')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Revoke all expired leases that need manual cleanup')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;lease;help;create' {
            break
        }
        'fnox;lease;help;list' {
            break
        }
        'fnox;lease;help;revoke' {
            break
        }
        'fnox;lease;help;cleanup' {
            break
        }
        'fnox;lease;help;help' {
            break
        }
        'fnox;mcp' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;profiles' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array: name, secret count, whether it is active')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine''s public key when there is one)')
            [CompletionResult]::new('a', 'a', [CompletionResultType]::ParameterValue, 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine''s public key when there is one)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine''s public key when there is one)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers of the active profile(s)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the providers of the active profile(s)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider table from the config')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a provider table from the config')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove a provider table from the config')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check that a provider is configured and its keys or credentials work (prints no secrets)')
            [CompletionResult]::new('t', 't', [CompletionResultType]::ParameterValue, 'Check that a provider is configured and its keys or credentials work (prints no secrets)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;provider;add' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Default Proton Pass vault (proton-pass only)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;a' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Default Proton Pass vault (proton-pass only)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;set' {
            [CompletionResult]::new('--vault', '--vault', [CompletionResultType]::ParameterName, 'Default Proton Pass vault (proton-pass only)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;list' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array: name, type, source')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;ls' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array: name, type, source')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;remove' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;rm' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;delete' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Remove from the global config file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config file even when it is read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;test' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Test every provider')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Test every provider')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;t' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Test every provider')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Test every provider')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;provider;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine''s public key when there is one)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers of the active profile(s)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider table from the config')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check that a provider is configured and its keys or credentials work (prints no secrets)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;provider;help;add' {
            break
        }
        'fnox;provider;help;list' {
            break
        }
        'fnox;provider;help;remove' {
            break
        }
        'fnox;provider;help;test' {
            break
        }
        'fnox;provider;help;help' {
            break
        }
        'fnox;proxy' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Show the effective credential proxy rules (no secret is resolved)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with placeholder credentials through the local proxy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;proxy;rules' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;proxy;run' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;proxy;help' {
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Show the effective credential proxy rules (no secret is resolved)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with placeholder credentials through the local proxy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;proxy;help;rules' {
            break
        }
        'fnox;proxy;help;run' {
            break
        }
        'fnox;proxy;help;help' {
            break
        }
        'fnox;reencrypt' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only values of this provider')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only values of this provider')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Move the values to this encryption provider (it must exist where each value is defined)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only secrets whose name matches this regular expression')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (without a terminal the answer is read from stdin); also writes read-only config files')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (without a terminal the answer is read from stdin); also writes read-only config files')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'List what would be re-encrypted without changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be re-encrypted without changing anything')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;completion' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;version' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;v' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;check' {
            [CompletionResult]::new('--signers', '--signers', [CompletionResultType]::ParameterName, 'The allowed signers for --signatures: `ssh-ed25519 AAAA… name` lines (or ssh-keygen''s allowed_signers). Keep it outside the repository or on a protected branch [env: FNOX_ALLOWED_SIGNERS]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Count every failure, including secrets whose if_missing is warn or ignore')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Count every failure, including secrets whose if_missing is warn or ignore')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the outcome as JSON on stdout (profiles, total, ok, failed, not_counted); exit code as without')
            [CompletionResult]::new('--integrity', '--integrity', [CompletionResultType]::ParameterName, 'Also require every value read through a provider to carry a valid integrity tag (an untagged entry counts as a failure, as with FNOX_INTEGRITY=strict); for CI')
            [CompletionResult]::new('--signatures', '--signatures', [CompletionResultType]::ParameterName, 'Check instead that every stored value of every loaded file (all profiles) carries a signature by an allowed signer (see --signers). Builds no provider and needs no decryption key; for CI')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;c' {
            [CompletionResult]::new('--signers', '--signers', [CompletionResultType]::ParameterName, 'The allowed signers for --signatures: `ssh-ed25519 AAAA… name` lines (or ssh-keygen''s allowed_signers). Keep it outside the repository or on a protected branch [env: FNOX_ALLOWED_SIGNERS]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Count every failure, including secrets whose if_missing is warn or ignore')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Count every failure, including secrets whose if_missing is warn or ignore')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the outcome as JSON on stdout (profiles, total, ok, failed, not_counted); exit code as without')
            [CompletionResult]::new('--integrity', '--integrity', [CompletionResultType]::ParameterName, 'Also require every value read through a provider to carry a valid integrity tag (an untagged entry counts as a failure, as with FNOX_INTEGRITY=strict); for CI')
            [CompletionResult]::new('--signatures', '--signatures', [CompletionResultType]::ParameterName, 'Check instead that every stored value of every loaded file (all profiles) carries a signature by an allowed signer (see --signers). Builds no provider and needs no decryption key; for CI')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;doctor' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the same facts as one JSON object (config_files, profiles, providers with their health, secrets, env_set, tips)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;dr' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the same facts as one JSON object (config_files, profiles, providers with their health, secrets, env_set, tips)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;config-files' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;edit' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Write the config files even when they are read-only (as `rm -f`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Write the config files even when they are read-only (as `rm -f`)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;sync' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The cipher to encrypt with (default: default_provider)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The cipher to encrypt with (default: default_provider)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Only secrets from this provider')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only secrets from this provider')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only secrets whose name matches this regular expression')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Write to the global config file')
            [CompletionResult]::new('--local-file', '--local-file', [CompletionResultType]::ParameterName, 'Write to the local override file beside the config (fnox.local.toml / .fnox.local.toml)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; also writes a read-only config file')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; also writes a read-only config file')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be synced without fetching or changing anything')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be synced without fetching or changing anything')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;scan' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Skip files matching this glob (repeatable), in addition to .gitignore')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Skip files matching this glob (repeatable), in addition to .gitignore')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;diff' {
            [CompletionResult]::new('--textconv', '--textconv', [CompletionResultType]::ParameterName, 'Print FILE as one line per secret (for git''s textconv) instead of comparing two files')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--values', '--values', [CompletionResultType]::ParameterName, 'Also show the old and new values of what differs (only when stdout is a terminal)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;merge-driver' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Configure the driver in this repository (git config) and name the files in .gitattributes')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;ci-redact' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;schema' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;__man' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;activate' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--no-hook-env', '--no-hook-env', [CompletionResultType]::ParameterName, 'Define the `fnox` wrapper only, without the prompt hook (for testing)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;hook-env' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The shell to write code for (default: FNOX_SHELL)')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to write code for (default: FNOX_SHELL)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;deactivate' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;trust' {
            [CompletionResult]::new('--tree', '--tree', [CompletionResultType]::ParameterName, 'Trust every config file under this directory, now and later (your own work tree)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the trusted files and trees')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;untrust' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;tui' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'fnox;daemon' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the daemon in the background (nothing happens when one runs)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the daemon and discard its cache')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether the daemon runs, its pid and how many values it holds')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Discard every cached value (the daemon keeps running)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the daemon in the foreground (what `start` runs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;daemon;start' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;daemon;stop' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;daemon;status' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'As JSON')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;daemon;clear' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;daemon;serve' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file to use instead of searching fnox.toml upward from here')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile(s) to use; comma-separated or repeated, later ones overlay earlier ones [env: FNOX_PROFILE]')
            [CompletionResult]::new('--if-missing', '--if-missing', [CompletionResultType]::ParameterName, 'What to do when a secret cannot be resolved; with `set`, stored on the secret [env: FNOX_IF_MISSING]')
            [CompletionResult]::new('--write-profile', '--write-profile', [CompletionResultType]::ParameterName, 'Profile that writes go to when several are active')
            [CompletionResult]::new('--age-key-file', '--age-key-file', [CompletionResultType]::ParameterName, 'Deprecated: use FNOX_AGE_KEY_FILE or the provider''s key_file')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Say more about what fnox is doing (on stderr)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations and no progress on stderr (warnings and errors still show)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour in messages (as NO_COLOR)')
            [CompletionResult]::new('--no-defaults', '--no-defaults', [CompletionResultType]::ParameterName, 'Do not inherit top-level secrets into a non-default profile [env: FNOX_NO_DEFAULTS]')
            [CompletionResult]::new('--non-interactive', '--non-interactive', [CompletionResultType]::ParameterName, 'Never prompt [env: FNOX_NON_INTERACTIVE]')
            [CompletionResult]::new('--no-daemon', '--no-daemon', [CompletionResultType]::ParameterName, 'Resolve directly, without the per-user daemon, for this command (FNOX_DAEMON=off for a session)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'fnox;daemon;help' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the daemon in the background (nothing happens when one runs)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the daemon and discard its cache')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether the daemon runs, its pid and how many values it holds')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Discard every cached value (the daemon keeps running)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the daemon in the foreground (what `start` runs)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;daemon;help;start' {
            break
        }
        'fnox;daemon;help;stop' {
            break
        }
        'fnox;daemon;help;status' {
            break
        }
        'fnox;daemon;help;clear' {
            break
        }
        'fnox;daemon;help;serve' {
            break
        }
        'fnox;daemon;help;help' {
            break
        }
        'fnox;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a fnox.toml (and, if this machine has no age identity yet, ~/.config/fnox/age.txt) with an age provider for your key: zero cloud needed')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one secret''s value (decrypted or fetched) followed by a newline')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Encrypt or store a secret and record it in fnox.toml (edited in place)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the secrets of the active profile(s): name, where the value comes from, description. Values only with --values (an explicit request, like `fnox get`)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a secret''s entry from the config file here that defines it (with the comment lines directly above it). A parent directory''s file is never edited; a value in a remote store is left alone')
            [CompletionResult]::new('exec', 'exec', [CompletionResultType]::ParameterValue, 'Run a command with the active profile''s secrets in its environment')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print every secret of the active profile(s) for other tools: .env lines, shell `export`s, JSON, YAML or TOML. Secrets with env = false or "exec" are left out unless --all')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import secrets from a .env, JSON, YAML or TOML file (a flat map of names to values): each is encrypted or stored with the provider and recorded in fnox.toml, in input order, in one atomic write')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Replace every secret reference in a text file with its value')
            [CompletionResult]::new('key', 'key', [CompletionResultType]::ParameterValue, 'Key lifecycle of the encryption providers (age, aws-kms, cosmian-kms, vault-transit): which key versions seal which values, rotation to a new key, retirement of old ones')
            [CompletionResult]::new('lease', 'lease', [CompletionResultType]::ParameterValue, 'Short-lived credentials from the `[leases.NAME]` tables: create, list, revoke, clean up')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the secrets to an AI agent as an MCP (Model Context Protocol) server on stdin/stdout')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles defined in the loaded config files, with how many secrets each has')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Manage providers: add a template, list, remove, test a connection')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Broker credentials into destination-scoped HTTPS requests: the command gets placeholders, and a local proxy puts the real values in the request headers that `[[proxy.rules]]` allow')
            [CompletionResult]::new('reencrypt', 'reencrypt', [CompletionResultType]::ParameterValue, 'Re-encrypt values under the providers'' current settings: after adding or removing an age recipient, changing a KMS key_id, or to move values to another provider (--to)')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print fnox''s version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check that every secret of the active profile(s) resolves, without printing any value')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Show what fnox sees from here: the config files loaded (in order), the active profile(s), the providers and where each is defined, how many secrets there are, which relevant environment variables are set (names only, never values), each provider''s health (its test, as `fnox provider test --all` runs it), and tips')
            [CompletionResult]::new('config-files', 'config-files', [CompletionResultType]::ParameterValue, 'List the config files that load from here with these flags, one path per line, in load order: lowest priority first (the global file), the file that wins last')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit the secrets of the active profile(s) as plaintext in $VISUAL / $EDITOR (default vi)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy secrets into fnox.toml, re-encrypted with a local cipher, so they resolve offline')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Look for plaintext secrets in a directory tree')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show which secrets differ between two versions of a config file: added, removed, changed (with their providers), no value unless --values. Ciphertexts are opaque, so this is what a review of fnox.toml needs')
            [CompletionResult]::new('merge-driver', 'merge-driver', [CompletionResultType]::ParameterValue, 'Git merge driver for fnox.toml and its integrity sidecar (fnox.lock): merges secret by secret, so two branches that add or change different secrets merge cleanly and their tags still verify; a secret changed on both sides stays a conflict')
            [CompletionResult]::new('ci-redact', 'ci-redact', [CompletionResultType]::ParameterValue, 'Tell the CI to mask every resolved secret value in its logs')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of fnox.toml (also committed as schema/fnox.schema.json)')
            [CompletionResult]::new('__man', '__man', [CompletionResultType]::ParameterValue, 'Write fnox.1 and one page per subcommand (fnox-get.1, fnox-provider-add.1, ...) into DIR')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Print the code that hooks fnox into your shell: secrets load when you enter a directory with a fnox.toml and unload when you leave it.')
            [CompletionResult]::new('hook-env', 'hook-env', [CompletionResultType]::ParameterValue, 'Print the shell code that brings the environment up to date with this directory''s secrets')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Remove fnox''s shell hook and unload what it loaded, restoring variables you had set before')
            [CompletionResult]::new('trust', 'trust', [CompletionResultType]::ParameterValue, 'Trust config files: let them run commands, send credentials to the addresses they name, import files from outside their directory, and load into the shell hook')
            [CompletionResult]::new('untrust', 'untrust', [CompletionResultType]::ParameterValue, 'Withdraw trust from a config file (or a tree given to `fnox trust --tree`): it may no longer run commands or send credentials, and the shell hook stops loading it')
            [CompletionResult]::new('tui', 'tui', [CompletionResultType]::ParameterValue, 'Browse and manage the active profile''s secrets in a terminal dashboard')
            [CompletionResult]::new('daemon', 'daemon', [CompletionResultType]::ParameterValue, 'Manage the per-user daemon that keeps resolved values in memory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'fnox;help;init' {
            break
        }
        'fnox;help;get' {
            break
        }
        'fnox;help;set' {
            break
        }
        'fnox;help;list' {
            break
        }
        'fnox;help;remove' {
            break
        }
        'fnox;help;exec' {
            break
        }
        'fnox;help;export' {
            break
        }
        'fnox;help;import' {
            break
        }
        'fnox;help;inject' {
            break
        }
        'fnox;help;key' {
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Make a new key current and re-encrypt every value of the provider under it')
            [CompletionResult]::new('retire', 'retire', [CompletionResultType]::ParameterValue, 'Retire the key versions below VERSION, once no value needs them')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each provider''s key versions and which secrets each still seals')
            break
        }
        'fnox;help;key;rotate' {
            break
        }
        'fnox;help;key;retire' {
            break
        }
        'fnox;help;key;status' {
            break
        }
        'fnox;help;lease' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a short-lived credential lease from a secret')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tracked leases')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a lease by ID')
            [CompletionResult]::new('cleanup', 'cleanup', [CompletionResultType]::ParameterValue, 'Revoke all expired leases that need manual cleanup')
            break
        }
        'fnox;help;lease;create' {
            break
        }
        'fnox;help;lease;list' {
            break
        }
        'fnox;help;lease;revoke' {
            break
        }
        'fnox;help;lease;cleanup' {
            break
        }
        'fnox;help;mcp' {
            break
        }
        'fnox;help;profiles' {
            break
        }
        'fnox;help;provider' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a provider table to the config, with placeholders to edit (as upstream fnox writes them; an age provider gets this machine''s public key when there is one)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers of the active profile(s)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a provider table from the config')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Check that a provider is configured and its keys or credentials work (prints no secrets)')
            break
        }
        'fnox;help;provider;add' {
            break
        }
        'fnox;help;provider;list' {
            break
        }
        'fnox;help;provider;remove' {
            break
        }
        'fnox;help;provider;test' {
            break
        }
        'fnox;help;proxy' {
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'Show the effective credential proxy rules (no secret is resolved)')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command with placeholder credentials through the local proxy')
            break
        }
        'fnox;help;proxy;rules' {
            break
        }
        'fnox;help;proxy;run' {
            break
        }
        'fnox;help;reencrypt' {
            break
        }
        'fnox;help;completion' {
            break
        }
        'fnox;help;version' {
            break
        }
        'fnox;help;check' {
            break
        }
        'fnox;help;doctor' {
            break
        }
        'fnox;help;config-files' {
            break
        }
        'fnox;help;edit' {
            break
        }
        'fnox;help;sync' {
            break
        }
        'fnox;help;scan' {
            break
        }
        'fnox;help;diff' {
            break
        }
        'fnox;help;merge-driver' {
            break
        }
        'fnox;help;ci-redact' {
            break
        }
        'fnox;help;schema' {
            break
        }
        'fnox;help;__man' {
            break
        }
        'fnox;help;activate' {
            break
        }
        'fnox;help;hook-env' {
            break
        }
        'fnox;help;deactivate' {
            break
        }
        'fnox;help;trust' {
            break
        }
        'fnox;help;untrust' {
            break
        }
        'fnox;help;tui' {
            break
        }
        'fnox;help;daemon' {
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start the daemon in the background (nothing happens when one runs)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop the daemon and discard its cache')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Say whether the daemon runs, its pid and how many values it holds')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Discard every cached value (the daemon keeps running)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the daemon in the foreground (what `start` runs)')
            break
        }
        'fnox;help;daemon;start' {
            break
        }
        'fnox;help;daemon;stop' {
            break
        }
        'fnox;help;daemon;status' {
            break
        }
        'fnox;help;daemon;clear' {
            break
        }
        'fnox;help;daemon;serve' {
            break
        }
        'fnox;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
