package com.opsledger.command.feedback.probes;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static com.opsledger.command.feedback.probes.Findings.CERTAIN;
import static com.opsledger.command.feedback.probes.Findings.STRONG;
import static com.opsledger.events.feedback.SecurityClass.COMMAND;

/**
 * Command injection for Unix shells, Windows {@code cmd} and PowerShell.
 *
 * <p>The scanner finds every place a shell would start a command (the start of a line, after {@code ; | || && &},
 * inside {@code $( )}, backticks, {@code <( )}, {@code >( )} and brace expansion {@code {cmd,arg}}), skips
 * prefixes such as {@code time} or {@code sudo}, folds the evasions a shell ignores ({@code w'h'o'am'i},
 * {@code wh\oami}, {@code c$@at}, {@code /usr/bin/[u]name}, cmd's {@code w^h^o^a^m^i}) and looks the word up in a
 * dictionary of the commands attacks run. What follows must read as arguments (a flag, a path, a host, a quote, a
 * redirection, or nothing), not as a sentence: "cats & dogs" and "; the cat" are prose. A line of its own is a
 * command only when every word on it is.
 */
final class CommandRules {

    /** Commands that say something about the host on their own, with no argument. */
    private static final Set<String> STANDALONE = Set.of(
            "id", "whoami", "uname", "hostname", "ifconfig", "ipconfig", "netstat", "lastlog", "printenv", "env", "uptime",
            "pwd", "ps", "systeminfo", "tasklist", "getmac", "quser", "qwinsta", "ver", "bash", "sh", "zsh", "dash", "ksh",
            "csh", "tcsh", "busybox", "reboot", "shutdown", "halt", "poweroff", "dir", "ls", "w", "who", "last", "groups",
            "df", "dmesg", "arp", "lsb_release", "cmd", "powershell", "pwsh", "nproc", "lscpu", "lsblk", "lsmod",
            "getenforce", "sestatus", "export", "whoami.exe", "net", "klist", "cmdkey", "history");
    /** Commands that take arguments: a command only where arguments follow. */
    private static final Set<String> WITH_ARGUMENTS = Set.of(
            "cat", "tac", "head", "tail", "more", "less", "nl", "od", "xxd", "hexdump", "strings", "base64", "base32",
            "find", "locate", "grep", "egrep", "fgrep", "awk", "gawk", "sed", "echo", "printf", "sleep", "ping", "ping6",
            "nslookup", "dig", "host", "traceroute", "tracert", "curl", "wget", "lwp-download", "nc", "ncat", "netcat",
            "socat", "telnet", "ssh", "ftp", "tftp", "scp", "rsync", "python", "python2", "python3", "perl", "ruby",
            "php", "lua", "node", "gcc", "cc", "chmod", "chown", "chgrp", "rm", "mv", "cp", "touch", "mkdir", "mkfifo",
            "mknod", "kill", "killall", "pkill", "crontab", "systemctl", "service", "useradd", "adduser", "usermod",
            "userdel", "passwd", "iptables", "tcpdump", "nmap", "masscan", "openssl", "gpg", "tar", "zip", "unzip",
            "gzip", "gunzip", "dd", "unset", "xterm", "nohup", "expect", "vi", "vim", "nano", "lsof", "sudo",
            "su", "getent", "which", "whereis", "file", "stat", "du", "mount", "umount", "sysctl", "ulimit", "wall",
            "mail", "sendmail", "logger", "source", "exec", "eval", "xargs", "readlink", "realpath", "ln", "jq", "md5sum",
            "sha1sum", "sha256sum", "uniq", "sort", "cut", "tr", "wc", "rev", "paste", "diff", "php-cgi", "whois",
            "arping", "ip", "ss", "route", "fping", "hping3", "sqlmap", "nikto", "hydra", "john", "hashcat",
            // Windows
            "net1", "netsh", "reg", "regedit", "schtasks", "sc", "taskkill", "wmic", "certutil", "bitsadmin", "mshta",
            "rundll32", "regsvr32", "cscript", "wscript", "msiexec", "vssadmin", "wevtutil", "bcdedit", "icacls",
            "cacls", "attrib", "copy", "xcopy", "robocopy", "del", "erase", "rd", "rmdir", "md", "type", "findstr",
            "vol", "tree", "query", "nltest", "dsquery", "runas", "forfiles", "timeout", "start", "call", "pathping",
            "nbtstat", "diskpart", "fsutil", "cipher", "winrm", "winrs", "psexec", "mimikatz", "procdump", "ntdsutil",
            "esentutl", "expand", "makecab", "certreq", "finger", "hh", "pcalua", "control", "explorer", "mavinject",
            // PowerShell aliases
            "iex", "iwr", "irm", "gci", "gc", "sal", "saps", "gwmi", "gcm", "icm", "wget.exe", "curl.exe");
    /** Arguments that are plain words: ps aux, ip addr, net user, sc query. */
    private static final Set<String> ARGUMENT_WORDS = Set.of(
            "aux", "ef", "axf", "auxf", "addr", "link", "route", "neigh", "status", "query", "user", "users", "localgroup",
            "share", "view", "list", "info", "version", "passwd", "shadow", "root", "hosts", "tcp", "udp", "all", "get",
            "caption", "process", "os", "qc", "config", "start", "stop", "restart");
    /**
     * Commands whose names are also English words: only these need arguments that read as arguments. "; netsh
     * advfirewall set ..." is a command whatever follows; "; last week" is a sentence.
     */
    private static final Set<String> ENGLISH = Set.of(
            "w", "who", "last", "groups", "history", "cat", "head", "tail", "more", "less", "find", "locate", "echo",
            "sleep", "ping", "host", "dig", "kill", "touch", "file", "stat", "mount", "type", "start", "call", "copy",
            "tree", "query", "expand", "control", "sort", "cut", "paste", "wall", "mail", "source", "export", "date",
            "rev", "tr", "ln", "cp", "mv", "rm", "md", "rd", "ver", "vol", "dir", "env", "top", "at", "time", "watch",
            "nice", "command", "do", "then", "exec", "eval", "su", "sc", "reg", "net", "ip", "ss", "route", "finger",
            "john", "hydra", "fetch", "expect", "service", "tar", "zip", "strings", "uniq", "diff", "erase", "del",
            "timeout", "runas", "cipher", "wc", "nl", "od", "id", "ps", "df", "sh", "cc", "node", "ruby", "gc", "sal");
    /** Words that run the next word as a command. */
    private static final Set<String> PREFIXES = Set.of(
            "time", "nohup", "sudo", "exec", "eval", "env", "xargs", "timeout", "nice", "command", "builtin",
            "busybox", "setsid", "stdbuf", "doas", "watch", "strace", "ltrace", "chroot", "unbuffer", "then", "do");

    private enum Start { LINE, CHAINED, BROKEN_OUT, SUBSTITUTION, BRACE }

    /** Where a shell starts a command; a written-out {@code \n} too, for parsers that unescape it. */
    private static final Pattern START = Pattern.compile(";|&&|\\|\\||\\||&|\\$\\(|`|<\\(|>\\(|\\{|\\\\[nr]|\\n|^");
    /** A word broken up with what a shell drops: quotes, backslashes, cmd's caret, empty expansions, one-letter globs. */
    private static final Pattern EVADED_WORD = Pattern.compile(
            "[a-z/]*[a-z](?:(?:['\"\\\\^]+|\\$[@*\\d]|\\$\\(\\)|\\$\\{\\})[a-z]+|\\[[a-z]\\][a-z]*)+['\"]?");
    private static final Pattern CONTRACTION = Pattern.compile("^[a-z]+'(?:s|t|d|ll|re|ve|m)$");
    private static final int LONGEST_WORD = 64;
    private static final int LONGEST_COMMAND_LINE = 12;

    static final List<Rule> RULES = List.of(
            Rule.of(COMMAND, "command.reverse-shell", CERTAIN, "/dev/ -i mkfifo <& >& socat import use rsocket $sock",
                    "/dev/(?:tcp|udp)/|\\b(?:ba|z|da)?sh\\s+-i\\b|\\bnc(?:at)?(?:\\s+-\\w+)*\\s+-[ecl]\\w*\\s|\\bmkfifo\\s+/tmp/|"
                            + "[0-9]?<&\\s*\\d+|>&\\s*/dev/|\\bsocat\\s+(?:tcp|exec|-|file)|"
                            + "\\bpython[\\d.]*\\s+-c\\s+['\"]\\s*import\\s+(?:socket|os|pty|subprocess)|\\bperl\\s+-e\\s+['\"]\\s*use\\s+socket|"
                            + "\\bphp\\s+-r\\s+['\"]\\s*\\$sock|\\bruby\\s+-rsocket"),
            Rule.of(COMMAND, "command.download-and-run", STRONG, "curl wget fetch",
                    "\\b(?:curl|wget|fetch)\\b[^|;\\n]{0,200}\\|\\s*(?:sudo\\s+)?(?:ba|z|da)?sh\\b|"
                            + "\\b(?:curl|wget)\\s[^\\n]{0,200}?(?:-o|-O|--output|-P)\\s*\\S*\\s*(?:;|&&)\\s*(?:chmod|sh|bash|\\./|/tmp/)"),
            Rule.of(COMMAND, "command.shell-path", STRONG, "/bin/",
                    "(?:^|[\\s;|&(`'\"])/(?:usr/)?bin/(?:ba|z|da|k|tc|c)?sh\\b(?:\\s+-[ci]\\b|\\s*$|\\s*[;|&`)])"),
            Rule.of(COMMAND, "command.ifs", CERTAIN, "$",
                    "\\$\\{ifs\\}|\\$ifs\\b|\\$\\{(?:path|home|pwd|shellopts|ps1|ps4):\\d+:\\d+\\}|\\$\\{[a-z_]+%%?[^}]{1,20}\\}"),
            Rule.of(COMMAND, "command.glob-path", STRONG, "? [",
                    "(?:^|[\\s;|&`(])/(?:[\\w?*]*[?*][\\w?*]*/|(?:usr|bin|etc|sbin|dev|tmp|var|proc)/)+[\\w?*\\[\\]]*[?*\\[][\\w?*\\[\\]]*"),
            Rule.of(COMMAND, "command.windows", STRONG, "cmd /f /d /r /l exist % net reg schtasks wmic certutil bitsadmin mshta rundll32 regsvr32 vssadmin type ping timeout",
                    "\\bcmd(?:\\.exe)?\\s*/[ckr]\\b|\\bfor\\s+/[fdrl]\\b|\\bif\\s+(?:not\\s+)?exist\\s+(?:[a-z]:|%|\"|\\\\|\\.)|%(?:comspec|systemroot|windir|"
                            + "programfiles|appdata|temp|userprofile|homepath)%|\\bnet1?\\s+(?:user|localgroup|group|share|view|use|accounts|"
                            + "start|stop|session)\\b|\\breg(?:\\.exe)?\\s+(?:query|add|delete|save|export)\\s+(?:hk|\\\\\\\\)|"
                            + "\\bschtasks(?:\\.exe)?\\s+/(?:create|run|query|change)|\\bwmic(?:\\.exe)?\\s+(?:process|os|useraccount|qfe|service|"
                            + "share|nicconfig|/node|computersystem|shadowcopy)|\\bcertutil(?:\\.exe)?\\s+-(?:urlcache|decode|encode|f|split)\\b|"
                            + "\\bbitsadmin(?:\\.exe)?\\s+/(?:transfer|create|addfile)|\\b(?:mshta|rundll32|regsvr32)(?:\\.exe)?\\s+\\S|"
                            + "\\bvssadmin\\s+(?:delete|create|list)\\s+shadows?|\\btype\\s+[a-z]:\\\\|\\bping(?:\\.exe)?\\s+-n\\s+\\d+|"
                            + "\\btimeout\\s+/t\\s+\\d"),
            Rule.of(COMMAND, "command.powershell", STRONG, "]:: invoke iex iwr irm new-object .download start-process mppreference executionpolicy system. frombase64 powershell pwsh -enc get-",
                    "\\b(?:invoke-(?:webrequest|restmethod|expression|command|item|wmimethod|shellcode|mimikatz)|iex|iwr|irm)\\b\\s*[\\s(]|"
                            + "\\bnew-object\\s+(?:-\\w+\\s+)?(?:system\\.)?net\\.(?:webclient|sockets)|\\.download(?:string|file|data)\\s*\\(|"
                            + "\\bstart-process\\b|\\b(?:set|add)-mppreference\\b|\\bset-executionpolicy\\s+(?:bypass|unrestricted)|"
                            + "\\[system\\.(?:convert|text\\.encoding|net\\.\\w+|diagnostics\\.process|reflection\\.assembly|io\\.file)\\]|"
                            + "\\bfrombase64string\\s*\\(|\\[[a-z][\\w.]*\\]::[a-z]\\w*|\\b(?:powershell|pwsh)(?:\\.exe)?\\s+(?:-\\w+\\s+)*-(?:nop|noprofile|w|windowstyle|exec|"
                            + "executionpolicy|ep|c|command|enc|encodedcommand|e|ec|noni|noninteractive|sta)\\b|"
                            + "\\s-(?:encodedcommand|enc|ec)\\s+[a-z0-9+/=]{16,}|"
                            + "\\bget-(?:content|childitem|process|wmiobject|ciminstance|localuser|localgroupmember|acl|itemproperty|"
                            + "service|credential|aduser|hotfix|netipaddress|psdrive)\\b"),
            Rule.of(COMMAND, "command.powershell-cmdlet", STRONG, "-",
                    "(?:^|[;|&(`\\n]\\s*)(?:get|set|new|remove|invoke|start|stop|add|out|write|read|import|export|test|convertto|"
                            + "convertfrom|select|where|foreach|format|enable|disable|register|clear|copy|move|rename|resolve|restart|"
                            + "send|enter|install|expand|compress)-[a-z]{2,}\\b\\s+-[a-z]+"));

    private CommandRules() {
    }

    static void detect(ProbeText text, UnaryOperator<CharSequence> reads, Findings findings) {
        String s = text.text();
        Rule.applyAll(RULES, s, reads, findings);
        Matcher evasion = EVADED_WORD.matcher(reads.apply(s));
        while (evasion.find()) {
            String word = folded(evasion.group());
            if (!isContraction(evasion.group()) && (STANDALONE.contains(word) || WITH_ARGUMENTS.contains(word))) {
                findings.add(COMMAND, "command.evasion", CERTAIN, evasion.start(), evasion.end());
                break;
            }
        }
        Matcher start = START.matcher(reads.apply(s));
        while (start.find()) {
            String separator = start.group();
            if (separator.equals("`") && (s.startsWith("``", start.start()) || start.start() > 0 && s.charAt(start.start() - 1) == '`')) {
                continue; // a Markdown code fence, not a substitution
            }
            Start kind = separator.isBlank() ? Start.LINE
                    : separator.equals("{") ? Start.BRACE
                    : separator.equals("$(") || separator.equals("`") || separator.endsWith("(") ? Start.SUBSTITUTION
                    : start.start() > 0 && "'\"".indexOf(s.charAt(start.start() - 1)) >= 0 ? Start.BROKEN_OUT
                    : Start.CHAINED;
            int end = commandAt(s, start.end(), kind);
            if (end > 0) {
                String rule = kind == Start.SUBSTITUTION || kind == Start.BRACE ? "command.substitution"
                        : kind == Start.LINE ? "command.line" : "command.chained";
                findings.add(COMMAND, rule, kind == Start.BROKEN_OUT || kind == Start.BRACE ? CERTAIN : STRONG,
                        kind == Start.LINE ? start.end() : start.start(), end);
            }
        }
    }

    /** Where the command found at {@code from} ends, or -1 when none starts there. */
    private static int commandAt(String s, int from, Start kind) {
        int i = skipSpaces(s, from);
        String word = "";
        String named = "";
        for (int prefixes = 0; prefixes <= 3; prefixes++) {
            int wordStart = i;
            i = wordEnd(s, i);
            String next = folded(s.substring(wordStart, i));
            named = s.substring(wordStart, i);
            if (next.isEmpty() && !word.isEmpty()) {
                break; // the prefix was the command itself: "; env"
            }
            word = next;
            if (!PREFIXES.contains(word) || prefixes == 3) {
                break;
            }
            i = skipSpaces(s, i);
            while (i < s.length() && (s.charAt(i) == '-' || Character.isDigit(s.charAt(i)))) {
                i = skipSpaces(s, wordEnd(s, i)); // a prefix's own options: timeout 5, sudo -u root
            }
        }
        boolean standalone = STANDALONE.contains(word);
        if (!standalone && !WITH_ARGUMENTS.contains(word)) {
            return -1;
        }
        if (kind == Start.BRACE) {
            return i < s.length() - 1 && s.charAt(i) == ',' && s.charAt(i + 1) != ' ' ? i + 1 : -1;
        }
        int next = skipSpaces(s, i);
        Argument argument = argumentAt(s, next);
        if (argument == Argument.PROSE && (!ENGLISH.contains(word) || named.indexOf('/') >= 0 || named.indexOf('\\') >= 0)) {
            argument = Argument.ARGUMENT; // netsh, wmic, certutil, /bin/echo: no sentence has these words
        }
        if (argument == Argument.PROSE || argument == Argument.NONE && !standalone && kind != Start.SUBSTITUTION) {
            return -1;
        }
        if (kind == Start.LINE && !restOfLineIsCommand(s, next)) {
            return -1;
        }
        return Math.max(i, Math.min(s.length(), next + 1));
    }

    private enum Argument { NONE, ARGUMENT, PROSE }

    /** What follows a command word: nothing (the end of the command), an argument, or the next word of a sentence. */
    private static Argument argumentAt(String s, int i) {
        if (i >= s.length() || ";|&)`\n#>,}".indexOf(s.charAt(i)) >= 0) {
            return Argument.NONE;
        }
        int end = wordEnd(s, i);
        String token = s.substring(i, end);
        return isProse(token) && !ARGUMENT_WORDS.contains(token) ? Argument.PROSE : Argument.ARGUMENT;
    }

    /** A word of a sentence: letters only, and not itself a command. */
    private static boolean isProse(String word) {
        int end = word.length();
        while (end > 0 && ":,.!?".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        String token = word.substring(0, end);
        if (token.length() < 2) {
            return false;
        }
        for (int k = 0; k < token.length(); k++) {
            if (!Character.isLetter(token.charAt(k))) {
                return false;
            }
        }
        return !STANDALONE.contains(token) && !WITH_ARGUMENTS.contains(token);
    }

    private static boolean restOfLineIsCommand(String s, int from) {
        int i = from;
        for (int tokens = 0; i < s.length() && s.charAt(i) != '\n'; tokens++) {
            if (tokens == LONGEST_COMMAND_LINE) {
                return false;
            }
            int end = Math.max(i + 1, wordEnd(s, i));
            if (isProse(s.substring(i, end))) {
                return false;
            }
            i = skipSpaces(s, end);
        }
        return true;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '(' && i + 1 < s.length()
                && s.charAt(i + 1) != ')')) {
            i++;
        }
        return i;
    }

    /** "I'd", "it's": an apostrophe English puts there, not an evasion. */
    private static boolean isContraction(String word) {
        return CONTRACTION.matcher(word).find();
    }

    /** The end of the shell word at {@code i}: up to white space or an operator, at most {@value #LONGEST_WORD} long. */
    private static int wordEnd(String s, int i) {
        int limit = Math.min(s.length(), i + LONGEST_WORD);
        while (i < limit) {
            char c = s.charAt(i);
            if (c == '$' && i + 2 < s.length() && (s.charAt(i + 1) == '(' && s.charAt(i + 2) == ')'
                    || s.charAt(i + 1) == '{' && s.charAt(i + 2) == '}')) {
                i += 3; // an empty substitution inside a word: who$()ami
                continue;
            }
            if (Character.isWhitespace(c) || ";|&<>(){},`".indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The command a shell would run for this word: quotes, escapes and empty expansions dropped, the path cut off. */
    static String folded(String word) {
        if (word.indexOf('=') >= 0) {
            return ""; // an assignment, as in an environment dump: SHELL=/bin/zsh
        }
        String path = word;
        if (path.length() > 2 && path.charAt(1) == ':' && path.charAt(2) == '\\' || path.startsWith("\\\\")) {
            path = path.substring(path.lastIndexOf('\\') + 1); // a Windows path: c:\windows\system32\whoami.exe
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int k = 0; k < path.length(); k++) {
            char c = path.charAt(k);
            if (c == '$' && k + 1 < path.length() && "@*0123456789".indexOf(path.charAt(k + 1)) >= 0) {
                k++;
            } else if (c == '$' && k + 1 < path.length() && "'\"".indexOf(path.charAt(k + 1)) >= 0) {
                continue; // ANSI-C quoting: $'\x63at' is cat
            } else if (c == '$' && (path.startsWith("$()", k) || path.startsWith("${}", k))) {
                k += 2;
            } else if (c == '[' && k + 2 < path.length() && path.charAt(k + 2) == ']') {
                out.append(path.charAt(k + 1));
                k += 2;
            } else if ("'\"\\^".indexOf(c) < 0) {
                out.append(c);
            }
        }
        String command = out.substring(out.lastIndexOf("/") + 1);
        return command.endsWith(".exe") || command.endsWith(".com") ? command.substring(0, command.length() - 4) : command;
    }
}
