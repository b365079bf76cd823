package com.opsledger.command.feedback.probes;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A message as the detectors see it: every disguise undone, lower case, runs of spaces and tabs made one space
 * (line breaks kept), and whether it has prose of its own.
 *
 * <p>Decoding runs in layers until the text stops changing (at most four): URL escapes, IIS {@code %uXXXX},
 * overlong UTF-8, HTML character references (numeric and the named ones payloads use, {@code &Tab;} included),
 * JavaScript escapes and UTF-7; then NFKC folds full-width and other compatibility forms, look-alike slashes become
 * slashes, and invisible characters go. Each layer only shortens the text; NFKC may lengthen it up to 18 times.
 *
 * <p>Prose is what tells a bug report from a payload. A message has prose of its own when, outside quoted code, it
 * holds at least {@value #PROSE_WORDS} words and one of the small words every sentence needs ("the", "we", "after",
 * "please", in several languages; none that SQL, shells or templates use), or a run of letters in a script such as
 * Japanese or Cyrillic. Quoted code is what a bug report pastes: fenced and indented blocks, stack traces, log and
 * terminal lines, import lines, environment dumps, inline {@code `code`} spans and developer-tool command lines;
 * its words do not count as prose, so a message that is only a pasted block stands on its own.
 */
final class ProbeText {

    /** Fewest words outside quoted code that make a message prose, not a payload on its own. */
    private static final int PROSE_WORDS = 6;
    /** Letters of a non-Latin script that make a message prose. */
    private static final int PROSE_LETTERS = 8;
    private static final int MAX_LAYERS = 4;

    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    /** One alternation under one leading anchor, so that RE2 tries each line at its start only. */
    private static final Pattern CODE_LINE = Pattern.compile("^(?:" + String.join("|",
            "^\\s*at\\s+[\\w$.<>/]+\\(",                                          // Java stack frame
            "^\\s*file \"[^\"]*\", line \\d+",                                    // Python stack frame
            "^\\s*(traceback \\(most recent|caused by:|exception in thread|\\.\\.\\. \\d+ more)",
            "^\\s*[\\w.]+(exception|error)(:|$)",
            "^\\s*\\[?\\d{4}-\\d\\d-\\d\\d[t ]\\d\\d:\\d\\d",                        // log line
            "^\\s*\\[?(info|warn|warning|error|debug|trace|fatal)\\]?[ :]",
            "^\\s*\\|.*\\|\\s*$",                                                 // markdown table row
            "^\\s*(\\$|%|❯|➜|ps [a-z]:\\\\[^>]*>|[a-z]:\\\\[^>]*>|[\\w.-]+@[\\w.-]+(:[^$#\\s]*)?[$#]) ",   // prompt
            "^\\s*(import\\s|from\\s+\\S+\\s+import\\s|export\\s.*\\sfrom\\s|(const|let|var)\\s+[{\\w][^=]*=\\s*require\\(|"
                    + "require\\(|#include\\s|using\\s+[\\w.]+;|package\\s+[\\w.]+;)") + ")");
    /** An indented block line or an environment dump line (told by its upper-case name): checked as written. */
    private static final Pattern RAW_CODE_LINE = Pattern.compile("^(?: {4}|\\t|\\s*(?:export\\s+)?[A-Z_][A-Z0-9_]*=)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]{1,300}`");
    /** A command line of a developer tool quoted in a sentence: from the tool to the end of the line is code. */
    private static final Pattern DEVELOPER_COMMAND = Pattern.compile(
            "\\b(docker|podman|kubectl|helm|npm|npx|yarn|pnpm|git|pip3?|python3?|node|mvn|gradle|cargo|go|brew|"
                    + "apt-get|apt|sudo|terraform|aws|gcloud|az|make|ssh|java)\\s+(run|exec|install|build|push|pull|apply|"
                    + "get|start|test|commit|clone|checkout|compose|deploy|update|upgrade|-{1,2}[a-z])[^\\n,!?]*"
                    + "|\\b(?:curl|wget)\\s+(?:-|https?://)[^\\n,!?]*|\\bexport\\s+[a-z_][a-z0-9_]*=[^\\n,!?]*");
    /** The words that begin a developer command line, checked before the pattern runs. */
    private static final List<String> DEVELOPER_TOOLS = List.of("docker", "podman", "kubectl", "helm", "npm", "npx", "yarn",
            "pnpm", "git", "pip", "pip3", "python", "python3", "node", "mvn", "gradle", "cargo", "go", "brew", "apt",
            "apt-get", "sudo", "terraform", "aws", "gcloud", "az", "make", "ssh", "java", "curl", "wget");
    /** How the lines {@link #CODE_LINE} knows may begin, checked before the pattern runs. */
    private static final List<String> CODE_LINE_STARTS = List.of("at ", "file \"", "traceback", "caused by:",
            "exception in thread", "ps ", "import", "from ", "export ", "const ", "let ", "var ", "require(", "#include",
            "using ", "package ", "info", "warn", "debug", "trace", "fatal");
    /** Where the writer's sentence resumes after a quoted command line. */
    private static final Pattern SENTENCE_RESUMES = Pattern.compile(
            "\\.(\\s|$)|\\s(and|but|gives|fails|returns|throws|says|shows|works|prints|breaks|is|does|doesn't)\\s");
    /** The words of sentences, and none of SQL (and, or, on, to, when, with, any), shells (if, for, do, at) or templates. */
    private static final Set<String> SENTENCE_WORDS = Set.of(
            "the", "a", "an", "of", "it", "it's", "this", "that", "these", "we", "we're", "our", "my", "me", "i", "i'm",
            "i've", "you", "your", "after", "before", "but", "was", "were", "are", "be", "been", "have", "has", "had", "can",
            "can't", "cannot", "please", "thanks", "thank", "there", "which", "what", "why", "how", "does", "doesn't",
            "don't", "didn't", "isn't", "won't", "they", "them", "their", "should", "would", "could", "because", "since",
            "also", "just", "only", "about", "every", "will", "see", "seems", "still", "now", "again", "no", "such", "than",
            "its", "yes", "yet", "so", "too", "very", "much", "many", "most", "own", "being", "did", "got", "here", "le",
            "la", "les", "des", "une", "est", "pas", "der", "die", "das", "und", "ist", "nicht", "mit", "el", "los", "las",
            "una", "es", "que", "por", "il", "di", "che", "non", "het", "een", "van", "niet", "się", "não", "é", "um", "uma");
    /** Scripts whose run of letters is a sentence on its own: no payload is written in them. */
    private static final Set<Character.UnicodeScript> PROSE_SCRIPTS = EnumSet.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.HANGUL,
            Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.ARABIC, Character.UnicodeScript.HEBREW,
            Character.UnicodeScript.THAI, Character.UnicodeScript.GREEK, Character.UnicodeScript.DEVANAGARI);
    private static final String BEFORE_A_WORD = " \t\n(\"";
    private static final String AFTER_A_WORD = " \t\n,.!?:;)\"";

    private static final Pattern URL_ESCAPES = Pattern.compile("%([0-9a-fA-F]{2}|[uU][0-9a-fA-F]{4})");
    private static final Pattern HTML_REFERENCE = Pattern.compile("&(#[xX]0*[0-9a-fA-F]{1,6}|#0*[0-9]{1,7}|[a-zA-Z]{2,9});?");
    private static final Pattern JS_ESCAPE = Pattern.compile("\\\\(u([0-9a-fA-F]{4})|u\\{0*([0-9a-fA-F]{1,6})}|x([0-9a-fA-F]{2}))");
    /** A UTF-7 shifted run: '+', modified base64, '-' or the end of the run. */
    private static final Pattern UTF7 = Pattern.compile("\\+([A-Za-z0-9+/]{3,60})-?");
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\x{200B}-\\x{200F}\\x{2060}-\\x{2064}\\x{FEFF}\\x{00AD}\\x{180E}\\x{FE00}-\\x{FE0F}]");
    private static final Map<String, String> NAMED_REFERENCES = Map.ofEntries(
            Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("amp", "&"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("sol", "/"), Map.entry("bsol", "\\"), Map.entry("lpar", "("),
            Map.entry("rpar", ")"), Map.entry("colon", ":"), Map.entry("semi", ";"), Map.entry("comma", ","),
            Map.entry("period", "."), Map.entry("excl", "!"), Map.entry("num", "#"), Map.entry("dollar", "$"),
            Map.entry("percnt", "%"), Map.entry("ast", "*"), Map.entry("plus", "+"), Map.entry("equals", "="),
            Map.entry("quest", "?"), Map.entry("commat", "@"), Map.entry("lsqb", "["), Map.entry("lbrack", "["),
            Map.entry("rsqb", "]"), Map.entry("rbrack", "]"), Map.entry("lowbar", "_"), Map.entry("grave", "`"),
            Map.entry("lcub", "{"), Map.entry("lbrace", "{"), Map.entry("rcub", "}"), Map.entry("rbrace", "}"),
            Map.entry("verbar", "|"), Map.entry("vert", "|"), Map.entry("hat", "^"), Map.entry("tilde", "~"),
            Map.entry("tab", "\t"), Map.entry("newline", "\n"), Map.entry("nbsp", " "));

    private final String text;
    private final boolean prose;

    private ProbeText(String text, boolean prose) {
        this.text = text;
        this.prose = prose;
    }

    String text() {
        return text;
    }

    /** Whether the message has prose of its own: then the code in it, however it is quoted, is the writer's example. */
    boolean hasProse() {
        return prose;
    }

    static ProbeText of(String message, UnaryOperator<CharSequence> reads) {
        StringBuilder text = new StringBuilder(message.length());
        List<int[]> code = new ArrayList<>();
        boolean inFence = false;
        for (String line : message.split("\n", -1)) {
            boolean fence = (line.contains("```") || line.contains("~~~")) && FENCE.matcher(reads.apply(line)).find();
            boolean codeLine = inFence || fence || RAW_CODE_LINE.matcher(reads.apply(line)).find();
            inFence ^= fence;
            String decoded = decode(line, reads);
            int start = text.length();
            text.append(decoded).append('\n');
            if (codeLine || mayBeCodeLine(decoded) && CODE_LINE.matcher(reads.apply(decoded)).find()) {
                code.add(new int[] {start, start + decoded.length()});
                continue;
            }
            boolean spans = false;
            if (decoded.indexOf('`') >= 0) {
                Matcher inline = INLINE_CODE.matcher(reads.apply(decoded));
                while (inline.find()) {
                    code.add(new int[] {start + inline.start(), start + inline.end()});
                    spans = true;
                }
            }
            if (!spans && mentionsDeveloperTool(decoded)) {
                Matcher command = DEVELOPER_COMMAND.matcher(reads.apply(decoded));
                if (command.find()) {
                    Matcher resumes = SENTENCE_RESUMES.matcher(reads.apply(command.group()));
                    int end = resumes.find() ? command.start() + resumes.start() : command.end();
                    code.add(new int[] {start + command.start(), start + end});
                }
            }
        }
        text.setLength(Math.max(0, text.length() - 1));
        String decoded = text.toString();
        return new ProbeText(decoded, isProse(decoded, code, reads));
    }

    /**
     * One pass over the text, word by word (letters and apostrophes), skipping quoted code: words of two letters or
     * more are counted up to {@value #PROSE_WORDS}, sentence words looked up, and runs of a prose script measured.
     */
    private static boolean isProse(String text, List<int[]> code, UnaryOperator<CharSequence> reads) {
        CharSequence read = reads.apply(text);
        int words = 0;
        boolean sentenceWord = false;
        int range = 0;
        for (int i = 0; i < read.length(); ) {
            int c = Character.codePointAt(read, i);
            if (!Character.isLetter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (range < code.size() && code.get(range)[1] <= start) {
                range++; // words come in order, and so do the ranges of quoted code
            }
            boolean quoted = inCode(code, range, start);
            int letters = 0;
            int runs = 0;
            int scriptRun = 0;
            while (i < read.length()) {
                int d = Character.codePointAt(read, i);
                if (Character.isLetter(d)) {
                    letters++;
                    scriptRun = PROSE_SCRIPTS.contains(Character.UnicodeScript.of(d)) ? scriptRun + 1 : 0;
                } else if (d == '\'') {
                    runs += letters >= 2 ? 1 : 0;
                    letters = 0;
                    scriptRun = 0;
                } else {
                    break;
                }
                if (scriptRun >= PROSE_LETTERS && !quoted) {
                    return true;
                }
                i += Character.charCount(d);
            }
            if (quoted) {
                continue;
            }
            words += runs + (letters >= 2 ? 1 : 0);
            sentenceWord |= (start == 0 || BEFORE_A_WORD.indexOf(read.charAt(start - 1)) >= 0)
                    && (i == read.length() || AFTER_A_WORD.indexOf(read.charAt(i)) >= 0)
                    && SENTENCE_WORDS.contains(read.subSequence(start, i).toString());
            if (sentenceWord && words >= PROSE_WORDS) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code index} lies in the quoted-code range at {@code range} (the first that does not end before it). */
    private static boolean inCode(List<int[]> code, int range, int index) {
        return range < code.size() && code.get(range)[0] <= index && index < code.get(range)[1];
    }

    /** One line with every disguise undone: what the detectors read. */
    static String decode(String line, UnaryOperator<CharSequence> reads) {
        String text = line;
        for (int layer = 0; layer < MAX_LAYERS; layer++) {
            String decoded = decodeUtf7(reads.apply(decodeJsEscapes(reads.apply(decodeHtmlReferences(reads.apply(
                    decodeUrlEscapes(reads.apply(text))))))));
            if (decoded.equals(text)) {
                break;
            }
            text = decoded;
        }
        if (!isAscii(reads.apply(text))) { // ASCII is its own NFKC form, with no look-alikes and nothing invisible
            text = Normalizer.normalize(reads.apply(text), Normalizer.Form.NFKC);
            text = lookAlikes(reads.apply(text));
            text = INVISIBLE.matcher(reads.apply(text)).replaceAll("");
        }
        return spacesFolded(reads.apply(text.toLowerCase(Locale.ROOT)));
    }

    /** Whether a line may be one {@link #CODE_LINE} matches: its first character or word is one it begins with. */
    private static boolean mayBeCodeLine(String line) {
        String text = line.stripLeading();
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        return Character.isDigit(first) || "[|$%.\u276F\u279C".indexOf(first) >= 0 || word.contains("@")
                || word.contains(":\\") || word.endsWith("exception") || word.endsWith("error")
                || word.endsWith("exception:") || word.endsWith("error:") || CODE_LINE_STARTS.stream().anyMatch(text::startsWith);
    }

    /** Whether a line names a developer tool as a word followed by a space, or exports a variable. */
    private static boolean mentionsDeveloperTool(String line) {
        for (String tool : DEVELOPER_TOOLS) {
            for (int at = line.indexOf(tool + " "); at >= 0; at = line.indexOf(tool + " ", at + 1)) {
                if (at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1))) {
                    return true;
                }
            }
        }
        return line.contains("export ") && line.indexOf('=') >= 0;
    }

    private static boolean isAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Each run of spaces, tabs and other horizontal white space made one space; the ends trimmed. */
    private static String spacesFolded(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == 0xA0) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Slashes that NFKC leaves alone but a path or a tag reads as slashes. */
    private static String lookAlikes(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char plain = switch (c) {
                case '\u2215', '\u2044', '\u29F8' -> '/';
                case '\u2216', '\u29F5', '\u29F9' -> '\\';
                case '\u2039', '\u2329', '\u27E8', '\u3008' -> '<';
                case '\u203A', '\u232A', '\u27E9', '\u3009' -> '>';
                default -> c;
            };
            if (plain != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(plain);
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /**
     * {@code %XX} runs decoded as UTF-8 that also accepts overlong forms ({@code %c0%af} is '/', as old servers read
     * it), and IIS's {@code %uXXXX}. A byte that is no UTF-8 at all becomes U+FFFD, which the fuzz rules see.
     */
    private static String decodeUrlEscapes(CharSequence text) {
        if (!contains(text, '%')) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Matcher escape = URL_ESCAPES.matcher(text);
        int end = 0;
        while (escape.find()) {
            if (escape.start() != end) {
                appendUtf8(out, bytes);
                out.append(text, end, escape.start());
            }
            String code = escape.group(1);
            if (code.length() == 2) {
                bytes.write(Integer.parseInt(code, 16));
            } else {
                appendUtf8(out, bytes);
                out.append((char) Integer.parseInt(code.substring(1), 16));
            }
            end = escape.end();
        }
        appendUtf8(out, bytes);
        return out.append(text, end, text.length()).toString();
    }

    /** Decodes UTF-8 without the shortest-form check, so overlong spellings read as the character they spell. */
    private static void appendUtf8(StringBuilder out, ByteArrayOutputStream collected) {
        byte[] bytes = collected.toByteArray();
        collected.reset();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC0 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF8 ? 4 : 0;
            int codePoint = length == 1 ? b : length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
            boolean valid = length > 0 && i + length <= bytes.length;
            for (int k = 1; valid && k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                valid = (next & 0xC0) == 0x80;
                codePoint = codePoint << 6 | next & 0x3F;
            }
            if (valid && Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(codePoint);
                i += length;
            } else {
                out.append('\uFFFD');
                i++;
            }
        }
    }

    private static String decodeHtmlReferences(CharSequence text) {
        if (!contains(text, '&')) {
            return text.toString();
        }
        return replace(HTML_REFERENCE, text, m -> reference(m.group(0), m.group(1)));
    }

    private static String reference(String whole, String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException notACodePoint) {
            return whole;
        }
        return NAMED_REFERENCES.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
    }

    private static String decodeJsEscapes(CharSequence text) {
        if (!contains(text, '\\')) {
            return text.toString();
        }
        return replace(JS_ESCAPE, text, m -> {
            String hex = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            int codePoint = Integer.parseInt(hex, 16);
            return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : m.group(0);
        });
    }

    /**
     * UTF-7 runs that spell markup or quotes ({@code +ADw-script+AD4-}); a run that decodes to anything else, such
     * as "C++" or "+1", is left as written.
     */
    private static String decodeUtf7(CharSequence text) {
        if (!contains(text, '+')) {
            return text.toString();
        }
        return replace(UTF7, text, m -> {
            String run = m.group(1);
            // Four base64 characters carry three bytes; a lone last character carries no whole byte.
            String usable = run.length() % 4 == 1 ? run.substring(0, run.length() - 1) : run;
            byte[] bits = Base64.getDecoder().decode(usable + "==".substring(0, (4 - usable.length() % 4) % 4));
            StringBuilder decoded = new StringBuilder();
            for (int i = 0; i + 1 < bits.length; i += 2) {
                decoded.append((char) ((bits[i] & 0xFF) << 8 | bits[i + 1] & 0xFF));
            }
            return spellsMarkup(decoded) ? decoded.toString() : m.group(0);
        });
    }

    private static boolean spellsMarkup(CharSequence decoded) {
        if (decoded.isEmpty()) {
            return false;
        }
        boolean markup = false;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
            markup |= "<>\"'();=/`".indexOf(c) >= 0;
        }
        return markup;
    }

    private static boolean contains(CharSequence text, char c) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static String replace(Pattern pattern, CharSequence text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        return matcher.appendTail(out).toString();
    }
}
