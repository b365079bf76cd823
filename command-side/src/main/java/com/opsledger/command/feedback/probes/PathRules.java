package com.opsledger.command.feedback.probes;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import static com.opsledger.command.feedback.probes.Findings.CERTAIN;
import static com.opsledger.command.feedback.probes.Findings.STRONG;
import static com.opsledger.command.feedback.probes.Findings.WEAK;
import static com.opsledger.events.feedback.SecurityClass.PATH;

/**
 * Path traversal and local file inclusion: climbing out of a directory however it is spelled, the files an attacker
 * reads with or without climbing to them, and the stream wrappers that turn an include into a read. Two steps up to
 * a module ({@code import x from '../../lib'}) are not an attack; four steps, a sensitive target, or an encoded
 * step are.
 */
final class PathRules {

    private static final String UP = "\\.{2,};?[/\\\\]+";
    /** How a step up is written when someone hides it: percent, IIS, overlong UTF-8, HTML and hex spellings of '.'. */
    private static final List<String> ENCODED_DOTS = List.of(
            "%2e", "%252e", "%25252e", "%c0%ae", "%e0%80%ae", "%c0%2e", "%u002e", "%uff0e", "&#46", "&#x2e", "\\u002e",
            "\\x2e", "%c0%af", "%e0%80%af", "%c1%9c", "%c0%5c", "%2f", "%5c", "%252f", "%255c", "%u2215", "%u2216", "%uff0f");

    static final List<Rule> RULES = List.of(
            Rule.of(PATH, "path.traversal", CERTAIN, "..", "(?:" + UP + "){4,}"),
            Rule.of(PATH, "path.traversal", WEAK, "..", "(?:" + UP + "){2,3}"),
            Rule.of(PATH, "path.traversal", STRONG, "..", "^(?:" + UP + ")+$"),
            Rule.of(PATH, "path.odd-traversal", CERTAIN, ".. 0x",
                    "\\.\\.;[/\\\\]|\\.\\.\\x00|\\.\\.\\\\/|\\.\\./\\\\|\\.{3,}[/\\\\]|[/\\\\]\\.\\.(?:\\x00|\\s*$)|(?:0x2e){2}|\\.\\.0x(?:2f|5c)|"
                            + "\\.\\.[/\\\\]+\\.\\.[/\\\\]*$|\\.\\.[/\\\\][^\\n]{0,80}\\x00"),
            Rule.of(PATH, "path.sensitive-file", CERTAIN, "/etc/ /proc/ .ssh /root/ _history .aws .git/ .svn/ wp-config web-inf .ini system32 :/ :\\ /var/ /run/ .ht localsettings configuration.php .env /.docker .kube .npmrc .pgpass .netrc .git-cred",
                    "/etc/(?:passwd|shadow|gshadow|sudoers|master\\.passwd|security/|httpd/|apache2/|nginx/|mysql/|php\\d?/|ssh/|"
                            + "crontab|fstab|group\\b|issue\\b|hostname\\b|motd\\b|profile\\b|os-release|shells\\b|aliases\\b|"
                            + "my\\.cnf|redis|mongod|krb5)|"
                            + "/proc/(?:self|\\d+|thread-self)/(?:environ|cmdline|fd|maps|mem|status|exe|cwd|root|mounts|net|stat)|"
                            + "/proc/(?:version|cpuinfo|meminfo|mounts|net/(?:tcp|arp|fib_trie))\\b|"
                            + "\\.ssh[/\\\\](?:id_(?:rsa|dsa|ecdsa|ed25519)|authorized_keys|known_hosts|config)|/root/(?:\\.\\w|[\\w.-]+\\.\\w)|"
                            + "\\.(?:bash|zsh|mysql|psql|python|node_repl|sh|rediscli|lesshst)_history\\b|\\.aws[/\\\\](?:credentials|config)|"
                            + "\\.git/(?:config|head|index|logs|refs)|\\.svn/(?:entries|wc\\.db)|\\bwp-config\\.php|"
                            + "\\bweb-inf[/\\\\]+(?:web|applicationcontext|struts|faces-config)\\.xml|\\b(?:boot|win|system)\\.ini\\b|"
                            + "system32[/\\\\]+(?:config[/\\\\]+(?:sam|system|security)|drivers[/\\\\]+etc)|"
                            + "\\b[a-z]:[/\\\\]+(?:windows|winnt|inetpub|boot\\.ini|users[/\\\\]+[\\w.-]+[/\\\\]+(?:ntuser|appdata))|"
                            + "/var/run/secrets/|/var/log/(?:apache2?|httpd|nginx|auth\\.log|syslog|secure|messages)|"
                            + "/var/lib/(?:mysql|postgresql)|\\.htpasswd\\b|\\.htaccess\\b|\\blocalsettings\\.php|\\bconfiguration\\.php|"
                            + "/\\.env(?:\\.\\w+)?\\b|^\\.env(?:\\.\\w+)?$|/\\.docker/config\\.json|\\.kube/config|/\\.npmrc|/\\.pgpass|"
                            + "/\\.netrc|/\\.git-credentials"),
            Rule.of(PATH, "path.sensitive-file", STRONG, "/etc/ web.config",
                    "/etc/+(?:\\./+)*passwd|/run/secrets/|(?:^|[/\\\\])web\\.config\\b|" + UP + "[\\w./\\\\-]{0,80}web\\.config"),
            Rule.of(PATH, "path.server-config", STRONG, ".conf .ini .xml .cnf .key .pem .p12 .pfx .keystore .jks secret credentials.json database.yml docker.sock application. bootstrap. appsettings local_settings",
                    "[/\\\\][\\w./\\\\-]*(?:httpd|apache2?|nginx|php|my|lighttpd|tomcat-users|server|proftpd|vsftpd|sshd_config|smb|"
                            + "redis|mongod|pg_hba|postgresql)\\.(?:conf|ini|xml|cnf)\\b|"
                            + "[/\\\\][\\w./\\\\-]*(?:\\.key|\\.pem|\\.p12|\\.pfx|\\.keystore|\\.jks|secrets?\\.(?:ya?ml|json)|master\\.key|"
                            + "credentials\\.json|database\\.yml|docker\\.sock|(?:application|bootstrap)\\.(?:properties|ya?ml)|"
                            + "appsettings(?:\\.\\w+)?\\.json|local_settings\\.py)\\b"),
            Rule.of(PATH, "path.sensitive-file", STRONG, "etc", "[/\\\\]etc[/\\\\]+(?:passwd|shadow|group|hosts|issue|sudoers)\\b|"
                    + "web-inf[/\\\\]+classes[/\\\\]"),
            // Files scanners ask for by name, as a path of their own: dotfiles, keys, dumps, state and config files.
            Rule.of(PATH, "path.sensitive-name", STRONG, "/ \\ ~",
                    "(?:^|[\\s=:'\"(~]|[a-z]:)[/\\\\](?:[\\w.*$-]+[/\\\\])*(?:\\.(?:bashrc|bash_profile|profile|zshrc|viminfo|"
                            + "[a-z]+_history|ds_store|hg|idea|vscode|azure|pypirc|my\\.cnf|terraform|ssh|config[/\\\\]gcloud)|id_(?:rsa|dsa|"
                            + "ecdsa|ed25519)|authorized_keys|sshd?_config|terraform\\.tfstate|(?:dump|backup|db|database|data)\\.(?:sql|sqlite3?|db)|"
                            + "credentials(?:\\.\\w+)?|secrets?\\.\\w+|config\\.(?:json|ya?ml|php|inc|js|bak)|server-status|phpinfo\\.php|"
                            + "accesstokens\\.json|applicationhost\\.config|daemon\\.json|\\w+\\.(?:bak|old|swp|orig))(?:$|[\\s?#;'\"),&/\\\\])"),
            Rule.of(PATH, "path.remote-include", STRONG, "://",
                    "[?&](?:include|inc|page|file|path|template|dir|document|folder|root|pg|style|doc|view|content|layout|mod|conf|"
                            + "lang|theme|src|url)=\\s*(?:https?|ftp)://[^\\s&]+\\.(?:txt|php|phtml|inc|jsp|asp)\\b"),
            Rule.of(PATH, "path.host-file", WEAK, "/etc/", "/etc/(?:hosts|resolv\\.conf|environment)\\b"),
            Rule.of(PATH, "path.sensitive-target", CERTAIN, "..",
                    UP + "(?:[\\w.-]+[/\\\\]+){0,3}(?:etc|windows|winnt|proc|boot|root|home|var|usr|sys|dev|inetpub|web-inf|"
                            + "meta-inf|\\.ssh|\\.git|\\.env|\\.aws|private|secrets?|wp-config|\\.htaccess|\\.htpasswd|web\\.xml)\\b"),
            Rule.of(PATH, "path.backslash-step", WEAK, "..\\", "\\.\\.\\\\[\\w.]"),
            Rule.of(PATH, "path.wrapper", CERTAIN, "://",
                    "\\b(?:php|phar|zip|expect|glob|compress\\.zlib|compress\\.bzip2|ogg|rar|ssh2\\.\\w+|jar|netdoc|gopher|dict|tftp)"
                            + "://|\\bfile:///?[a-z/\\\\~.%]|\\bdata://text/|\\bjar:(?:file|https?):"),
            Rule.of(PATH, "path.unc", STRONG, "\\\\",
                    "(?:^|[\\s\"'=(])\\\\\\\\[\\w.-]+\\\\[\\w$.-]+"),
            Rule.of(PATH, "path.system-path", STRONG, "/",
                    "^/(?:etc|proc|root|boot|dev|sys|var/(?:www|log|lib|run|mail|spool|backups))/[\\w./-]*$"));

    private PathRules() {
    }

    static void detect(ProbeText text, String message, UnaryOperator<CharSequence> reads, Findings findings) {
        String s = text.text();
        Rule.applyAll(RULES, s, reads, findings);
        int step = Math.max(s.indexOf("../"), s.indexOf("..\\"));
        if (step >= 0 && hidesDots(message)) {
            findings.add(PATH, "path.encoded-traversal", CERTAIN, step, step + 3);
        }
    }

    /** A step up that was written encoded: nobody writes {@code %2e%2e%2f} who is not hiding it. */
    private static boolean hidesDots(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return ENCODED_DOTS.stream().anyMatch(lower::contains);
    }
}
