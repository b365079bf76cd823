package com.opsledger.command.feedback;

import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Classifies feedback text at ingest: attack families, signal quality, severity and a fingerprint. A pure function.
 *
 * <p>The text is first undone of the usual disguises (URL and HTML encoding, up to three layers deep; unicode
 * escapes; full-width and other compatibility characters; zero-width characters; case; runs of white space and
 * SQL comments), and the patterns run on that form. Patterns look for payload structure, not for words: ordinary
 * feedback that mentions "select", "script" or "../" stays ordinary.
 *
 * <p>Severity rules:
 * <ul>
 *   <li>security probe: critical with a command or SQL payload, or with three or more families; high with
 *       script, template or path; medium for fuzz alone;</li>
 *   <li>actionable: medium, high when it speaks of data loss, money, security, log-in or an outage;</li>
 *   <li>short actionable: low, medium when it speaks of those;</li>
 *   <li>product signal: low.</li>
 * </ul>
 *
 * <p>The fingerprint hashes the attack families and a skeleton of the text (digits folded to 0, white space and
 * trailing punctuation dropped), so a probe repeated with other numbers and a duplicate report land in one group.
 */
public final class FeedbackClassifier {

    /** What the classifier found: the classification and the fingerprint that picks the duplicate group. */
    public record Result(Classification classification, String fingerprint) {
    }

    /**
     * The patterns run on {@link #normalize normalized}, lower-cased text, so they are written in lower case and
     * compiled without case-insensitive matching, which would cost a case fold per character compared. They are
     * RE2 expressions (RE2/J): matched in time linear in the text, never by backtracking, so no message, however
     * crafted, costs more than a few passes over it. Java's own engine took a minute of CPU over a letter followed
     * by 10,000 combining marks, which its {@code \b} steps back over at every position.
     */
    private static final int FLAGS = Pattern.DOTALL;

    private static final Map<SecurityClass, List<Pattern>> PATTERNS = new EnumMap<>(SecurityClass.class);

    static {
        PATTERNS.put(SecurityClass.SCRIPT, patterns(
                "<\\s*/?\\s*script\\b",
                "<[a-z][^>]*[\\s/\"']on[a-z]{3,20}\\s*=",
                "\\bon(error|load|click|mouseover|focus|blur|toggle|animationstart|pointerover|begin)\\s*=\\s*[\"'`]?\\s*[a-z_$]",
                "j\\s*a\\s*v\\s*a\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t\\s*:|vbscript\\s*:",
                "data\\s*:\\s*text/html",
                "<\\s*(iframe|object|embed)\\b[^>]*\\b(src|data)\\s*=",
                "\\b(alert|prompt|confirm)\\s*(\\(|`)\\s*(['\"`]|\\d|document|window)",
                "\\bdocument\\s*\\.\\s*(cookie|domain|write\\s*\\()",
                "\\bsrcdoc\\s*=",
                "expression\\s*\\(\\s*(alert|eval|javascript)"));
        PATTERNS.put(SecurityClass.COMMAND, patterns(
                "(;|&&|\\|\\||\\||\\$\\()\\s*(cat|ls|id|whoami|uname|wget|curl|nc|ncat|netcat|bash|sh|zsh|ping|rm|"
                        + "nslookup|sleep|python[0-9.]*|perl|php|ruby|chmod|ifconfig|ipconfig|powershell|cmd|"
                        + "echo|telnet|dig|busybox|env|ps|kill|reboot|shutdown)\\b(\\s*(-|/|\\$|;|\\||`|\\)|\\d|'|\"|$)"
                        + "|\\s+[a-z0-9./-]*\\s*(;|\\||`|\\)|$))",
                "\\$\\(\\s*(id|whoami|uname|cat|ls|curl|wget|sleep|echo|nslookup|ping|bash|sh)\\b[^)]*\\)",
                "`\\s*(id|whoami|curl\\s+https?:|wget\\s+https?:|sleep\\s+\\d+)[^`]*`",
                "/bin/(ba|z|da)?sh\\b",
                "\\bcmd(\\.exe)?\\s+/c\\b",
                "\\bpowershell(\\.exe)?\\s+-",
                "\\$\\{ifs\\}",
                "\\|\\s*(nc|ncat|bash|sh)\\s+"));
        PATTERNS.put(SecurityClass.SQL, patterns(
                "['\"`]\\s*\\)*\\s*(or|and|\\|\\||&&)\\s*\\(*\\s*['\"]?\\w*['\"]?\\s*(=|<|>|like)\\s*['\"]?\\w*",
                "\\bunion(\\s+(all|distinct))?\\s*\\(?\\s*select\\b",
                ";\\s*(drop|truncate|alter)\\s+(table|database|schema|user)\\b",
                ";\\s*(delete\\s+from|insert\\s+into|update\\s+\\w+\\s+set|shutdown\\b|exec\\b)",
                "['\"]\\s*\\)*\\s*;?\\s*(--|#|/\\*)",
                "\\b(pg_)?sleep\\s*\\(\\s*\\d+\\s*\\)\\s*(--|#|;|\\)|$|and|or)",
                "\\bbenchmark\\s*\\(\\s*\\d+\\s*,",
                "\\bwaitfor\\s+delay\\s+'",
                "\\b(or|and)\\s+\\d+\\s*=\\s*\\d+\\s*(--|#|;|$|\\))",
                "\\b(information_schema|pg_catalog|sysobjects|sqlite_master|mysql\\.user)\\b",
                "\\bxp_cmdshell\\b",
                "\\b(load_file|extractvalue|updatexml)\\s*\\(",
                "\\binto\\s+(out|dump)file\\b",
                "\\border\\s+by\\s+\\d+\\s*(--|#)",
                "\\bselect\\s+.{0,60}\\bfrom\\s+(users|accounts|admin|passwords?|credentials)\\b.{0,40}(--|#|;|where\\s+\\d\\s*=\\s*\\d)"));
        PATTERNS.put(SecurityClass.TEMPLATE, patterns(
                "\\{\\{\\s*\\d+\\s*[*+/-]\\s*['\"]?\\d+['\"]?\\s*}}",
                "[$#*@]\\{\\s*\\d+\\s*[*+/-]\\s*\\d+\\s*}",
                "<%=?\\s*\\d+\\s*[*+/-]\\s*\\d+\\s*%>",
                "\\{\\{[^}]{0,200}(__class__|__mro__|__subclasses__|__globals__|__builtins__|__init__|config\\.items|"
                        + "self\\._|request\\.application|lipsum|cycler|joiner|\\bnamespace\\b|popen)",
                "\\$\\{[^}]{0,200}(runtime|getclass|class\\.forname|jndi\\s*:|\\bt\\s*\\(\\s*java|freemarker|"
                        + "processbuilder|scriptengine)",
                "\\{%\\s*(import|include|extends|set|for|if|debug)\\b[^%]{0,200}%}",
                "<#\\s*(assign|import|include)\\b",
                "freemarker\\.template\\.utility\\.execute",
                "\\{\\{\\s*(self|config|request|settings|this)\\s*(\\.|}})",
                "#set\\s*\\(\\s*\\$"));
        PATTERNS.put(SecurityClass.PATH, patterns(
                "(\\.\\.[/\\\\]){2,}",
                "\\.\\.[/\\\\]+(etc|windows|winnt|proc|var|usr|home|root|boot|sys|dev|tmp|app|opt)\\b",
                "/etc/(passwd|shadow|hosts|group|issue|hostname|sudoers)\\b",
                "\\bc:[/\\\\]+(windows|winnt|boot\\.ini|inetpub)",
                "\\b(win|system|boot)\\.ini\\b",
                "/proc/self/(environ|cmdline|fd|maps|status)",
                "\\b(file|php|phar|zip|expect|glob)://",
                "\\bweb-inf[/\\\\]+web\\.xml\\b",
                "\\.\\.[/\\\\].{0,80}\\x00"));
    }

    private static final Pattern FORMAT_STRINGS = Pattern.compile("(%(\\d+\\$)?[-+ #0]*\\d*[snxpdc]\\W?){3,}|%(\\d+\\$)?n\\b");
    private static final int REPEATED_CHAR_RUN = 50;
    private static final int LONG_TOKEN = 400;

    private static final Pattern ACTIONABLE = Pattern.compile(
            "\\b(bug|error|errors|broken|broke|breaks|crash(es|ed|ing)?|fail(s|ed|ing|ure)?|doesn'?t work|does not work|"
                    + "not working|isn'?t working|won'?t|can'?t|cannot|unable|stuck|exception|timeout|timed out|forever|"
                    + "freez(e|es|ing)|frozen|hangs?|wrong|missing|blank|not loading|doesn'?t load|slow|"
                    + "500|404|403|regression|glitch|issue|problem|fix)\\b");
    private static final Pattern URGENT = Pattern.compile(
            "\\b(data loss|lost (my|all|our)|deleted|charged|double charged|payment|billing|invoice|refund|"
            + "security|leak(ed|ing)?|breach|exposed|outage|down for|everyone|all users|production|"
            + "log ?in|sign ?in|locked out|password)\\b");
    private static final int SHORT_WORDS = 8;

    /** Overlong UTF-8 spellings of / and \ that old servers decoded as path separators. */
    private static final Pattern OVERLONG_SLASH = Pattern.compile("%c0%af|%e0%80%af|%c0%2f", Pattern.CASE_INSENSITIVE);
    private static final Pattern OVERLONG_BACKSLASH = Pattern.compile("%c1%9c|%c0%5c", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#[xX]?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?");
    private static final Pattern JS_ESCAPE = Pattern.compile("\\\\(u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))");
    private static final Pattern INVISIBLE = Pattern.compile("[\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}\\x{00AD}]");
    private static final Pattern SQL_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    /** Java's {@code \s}: RE2's lacks the vertical tab. */
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "sol", "/", "bsol", "\\",
            "lpar", "(", "rpar", ")", "colon", ":");

    private FeedbackClassifier() {
    }

    public static Result classify(String message) {
        return classify(message, UnaryOperator.identity());
    }

    /**
     * As {@link #classify(String)}, with every pass reading its text through {@code reads}: tests count the
     * characters read to show that the work grows linearly with the message.
     */
    static Result classify(String message, UnaryOperator<CharSequence> reads) {
        CharSequence text = reads.apply(normalize(message, reads));
        List<SecurityClass> classes = new ArrayList<>();
        PATTERNS.forEach((securityClass, patterns) -> {
            if (patterns.stream().anyMatch(p -> p.matcher(text).find())) {
                classes.add(securityClass);
            }
        });
        if (isFuzz(text, classes.isEmpty())) {
            classes.add(SecurityClass.FUZZ);
        }
        SignalCategory signal = signal(classes, text);
        Classification classification = new Classification(classes, signal, severity(classes, signal, text));
        return new Result(classification, fingerprint(classification, text));
    }

    /** The text with encodings, disguises, case and spacing undone: what the patterns look at. */
    static String normalize(String message) {
        return normalize(message, UnaryOperator.identity());
    }

    /**
     * Each pass is linear in its input and none makes the text longer but NFKC, which expands a character into at
     * most 18: the decoding layers only shorten it.
     */
    private static String normalize(String message, UnaryOperator<CharSequence> reads) {
        String text = OVERLONG_SLASH.matcher(reads.apply(message)).replaceAll("/");
        text = OVERLONG_BACKSLASH.matcher(reads.apply(text)).replaceAll(Matcher.quoteReplacement("\\"));
        for (int layer = 0; layer < 3; layer++) {
            String decoded = decodeJsEscapes(reads.apply(decodeHtmlEntities(reads.apply(
                    decodeUrlEscapes(reads.apply(text))))));
            if (decoded.equals(text)) {
                break;
            }
            text = decoded;
        }
        text = Normalizer.normalize(reads.apply(text), Normalizer.Form.NFKC);
        text = INVISIBLE.matcher(reads.apply(text)).replaceAll("");
        text = SQL_COMMENT.matcher(reads.apply(text)).replaceAll(" ");
        return WHITESPACE.matcher(reads.apply(text.toLowerCase(Locale.ROOT))).replaceAll(" ").trim();
    }

    /** Payloads of the other families are punctuation-heavy by nature, so only otherwise plain text counts as noise. */
    private static boolean isFuzz(CharSequence text, boolean noOtherFamily) {
        return hasControlCharacters(text)
                || FORMAT_STRINGS.matcher(text).find()
                || longestRunOfOneCharacter(text) >= REPEATED_CHAR_RUN
                || longestToken(text) >= LONG_TOKEN
                || noOtherFamily && mostlyNoise(text);
    }

    private static boolean hasControlCharacters(CharSequence text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r'
                || c == 0xFFFD);
    }

    /** The longest run of one code point repeated. */
    private static int longestRunOfOneCharacter(CharSequence text) {
        int longest = 0;
        int run = 0;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            run = c == previous ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = c;
            i += Character.charCount(c);
        }
        return longest;
    }

    /** The length, in chars, of the longest stretch without white space. */
    private static int longestToken(CharSequence text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = isJavaWhitespace(text.charAt(i)) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Punctuation soup or stacked combining marks: more than half the characters are neither words nor spaces. */
    private static boolean mostlyNoise(CharSequence text) {
        long characters = text.codePoints().count();
        if (characters < 20) {
            return false;
        }
        long noise = text.codePoints().filter(c -> {
            int type = Character.getType(c);
            boolean emoji = type == Character.OTHER_SYMBOL || type == Character.SURROGATE;
            return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !emoji
                    || type == Character.NON_SPACING_MARK;
        }).count();
        return noise * 2 > characters;
    }

    private static SignalCategory signal(List<SecurityClass> classes, CharSequence text) {
        if (!classes.isEmpty()) {
            return SignalCategory.SECURITY_PROBE;
        }
        if (!ACTIONABLE.matcher(text).find()) {
            return SignalCategory.PRODUCT_SIGNAL;
        }
        return words(text) <= SHORT_WORDS ? SignalCategory.SHORT_ACTIONABLE : SignalCategory.ACTIONABLE;
    }

    /** Words of normalized text, which has single spaces between them. */
    private static int words(CharSequence text) {
        int words = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }

    private static Severity severity(List<SecurityClass> classes, SignalCategory signal, CharSequence text) {
        boolean urgent = URGENT.matcher(text).find();
        return switch (signal) {
            case SECURITY_PROBE -> {
                if (classes.contains(SecurityClass.COMMAND) || classes.contains(SecurityClass.SQL) || classes.size() >= 3) {
                    yield Severity.CRITICAL;
                }
                yield classes.equals(List.of(SecurityClass.FUZZ)) ? Severity.MEDIUM : Severity.HIGH;
            }
            case ACTIONABLE -> urgent ? Severity.HIGH : Severity.MEDIUM;
            case SHORT_ACTIONABLE -> urgent ? Severity.MEDIUM : Severity.LOW;
            case PRODUCT_SIGNAL -> Severity.LOW;
        };
    }

    private static String fingerprint(Classification classification, CharSequence text) {
        String key = classification.securityClasses() + "|" + skeleton(text);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * The text with each run of digits folded to one 0, trailing punctuation and white space dropped, and the
     * remaining spaces removed. Group ids derive from it, so it must not change for text already grouped.
     */
    private static String skeleton(CharSequence text) {
        int end = text.length();
        while (end > 0 && (isPunctuation(text.charAt(end - 1)) || isJavaWhitespace(text.charAt(end - 1)))) {
            end--;
        }
        StringBuilder skeleton = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (i == 0 || text.charAt(i - 1) < '0' || text.charAt(i - 1) > '9') {
                    skeleton.append('0');
                }
            } else if (c != ' ') {
                skeleton.append(c);
            }
        }
        return skeleton.toString();
    }

    /** Java's {@code \p{Punct}}: ASCII punctuation. */
    private static boolean isPunctuation(char c) {
        return c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    /** Java's {@code \s}. */
    private static boolean isJavaWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static String decodeUrlEscapes(CharSequence text) {
        if (!contains(text, '%')) {
            return text.toString();
        }
        // Collect escaped bytes and decode each run as UTF-8, so that %C3%A9 becomes one é.
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 3;
            } else {
                out.append(bytes.toString(StandardCharsets.UTF_8)).append(text.charAt(i++));
                bytes.reset();
            }
        }
        return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static boolean contains(CharSequence text, char c) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static String decodeHtmlEntities(CharSequence text) {
        if (!contains(text, '&')) {
            return text.toString();
        }
        return replace(HTML_ENTITY, text, m -> entity(m.group(0), m.group(1)));
    }

    private static String entity(String whole, String name) {
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
        return NAMED_ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
    }

    private static String decodeJsEscapes(CharSequence text) {
        if (!contains(text, '\\')) {
            return text.toString();
        }
        return replace(JS_ESCAPE, text, m -> Character.toString(
                Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3), 16)));
    }

    /** Every match of {@code pattern} in {@code text} replaced by what {@code replacement} makes of it. */
    private static String replace(Pattern pattern, CharSequence text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        return matcher.appendTail(out).toString();
    }

    /**
     * Kept apart rather than joined into one alternation per class: RE2/J has no DFA, and its NFA over the joined
     * expression ran at half the speed of the separate ones.
     */
    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(r -> Pattern.compile(r, FLAGS)).toList();
    }
}
