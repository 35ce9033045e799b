fn main() {
    std::process::exit(fnox::cli::main());
}
