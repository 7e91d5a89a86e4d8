fn main() -> std::process::ExitCode {
    gazette::cli::run()
}
