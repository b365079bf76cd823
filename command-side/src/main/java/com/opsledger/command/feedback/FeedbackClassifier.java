package com.opsledger.command.feedback;

import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * compiled without case-insensitive matching, which would cost a case fold per character compared.
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
    private static final Pattern REPEATED_CHAR = Pattern.compile("(.)\\1{49,}", Pattern.DOTALL);
    private static final Pattern LONG_TOKEN = Pattern.compile("\\S{400,}");

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
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SQL_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'", "sol", "/", "bsol", "\\",
            "lpar", "(", "rpar", ")", "colon", ":");

    private FeedbackClassifier() {
    }

    public static Result classify(String message) {
        String text = normalize(message);
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
        String text = OVERLONG_SLASH.matcher(message).replaceAll("/");
        text = OVERLONG_BACKSLASH.matcher(text).replaceAll(Matcher.quoteReplacement("\\"));
        for (int layer = 0; layer < 3; layer++) {
            String decoded = decodeJsEscapes(decodeHtmlEntities(decodeUrlEscapes(text)));
            if (decoded.equals(text)) {
                break;
            }
            text = decoded;
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        text = INVISIBLE.matcher(text).replaceAll("");
        text = SQL_COMMENT.matcher(text).replaceAll(" ");
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Payloads of the other families are punctuation-heavy by nature, so only otherwise plain text counts as noise. */
    private static boolean isFuzz(String text, boolean noOtherFamily) {
        return hasControlCharacters(text)
                || FORMAT_STRINGS.matcher(text).find()
                || REPEATED_CHAR.matcher(text).find()
                || LONG_TOKEN.matcher(text).find()
                || noOtherFamily && mostlyNoise(text);
    }

    private static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r'
                || c == 0xFFFD);
    }

    /** Punctuation soup or stacked combining marks: more than half the characters are neither words nor spaces. */
    private static boolean mostlyNoise(String text) {
        if (text.codePointCount(0, text.length()) < 20) {
            return false;
        }
        long noise = text.codePoints().filter(c -> {
            int type = Character.getType(c);
            boolean emoji = type == Character.OTHER_SYMBOL || type == Character.SURROGATE;
            return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !emoji
                    || type == Character.NON_SPACING_MARK;
        }).count();
        return noise * 2 > text.codePointCount(0, text.length());
    }

    private static SignalCategory signal(List<SecurityClass> classes, String text) {
        if (!classes.isEmpty()) {
            return SignalCategory.SECURITY_PROBE;
        }
        if (!ACTIONABLE.matcher(text).find()) {
            return SignalCategory.PRODUCT_SIGNAL;
        }
        return text.split(" ").length <= SHORT_WORDS ? SignalCategory.SHORT_ACTIONABLE : SignalCategory.ACTIONABLE;
    }

    private static Severity severity(List<SecurityClass> classes, SignalCategory signal, String text) {
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

    private static String fingerprint(Classification classification, String text) {
        String skeleton = text.replaceAll("\\d+", "0").replaceAll("[\\p{Punct}\\s]+$", "").replace(" ", "");
        String key = classification.securityClasses() + "|" + skeleton;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String decodeUrlEscapes(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        // Collect escaped bytes and decode each run as UTF-8, so that %C3%A9 becomes one é.
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
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

    private static String decodeHtmlEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return HTML_ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(entity(m.group(0), m.group(1))));
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

    private static String decodeJsEscapes(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        return JS_ESCAPE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(Character.toString(
                Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3), 16))));
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(r -> Pattern.compile(r, FLAGS)).toList();
    }
}
