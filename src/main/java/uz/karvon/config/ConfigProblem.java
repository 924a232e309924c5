package uz.karvon.config;

/** One problem in a configuration file, printed the way compilers do: {@code feeds.yml:12:5: message}. */
public record ConfigProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
