package com.opsledger.command.feedback.probes;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.List;
import java.util.function.UnaryOperator;

import static com.opsledger.command.feedback.probes.Findings.CERTAIN;
import static com.opsledger.command.feedback.probes.Findings.STRONG;
import static com.opsledger.command.feedback.probes.Findings.WEAK;
import static com.opsledger.events.feedback.SecurityClass.SQL;

/**
 * SQL injection, relational and NoSQL. The rules read a SQL view of the text: comments become spaces except MySQL's
 * executable {@code /*!50000select*}{@code /}, whose content is kept (the server runs it), and a {@code +} between
 * words is the space a query string made of it. The view keeps every character's position, so a finding's excerpt
 * is cut from the decoded text.
 *
 * <p>Rules look for the shapes an injection takes whatever its spelling: a quote closed and a condition added
 * ({@code ' or 'a'='a}, {@code ") or 2>1 --}), a query glued on ({@code union select}, {@code ; drop table}), a
 * time delay or a file read, the catalogue tables, PostgreSQL casts and JSON operators after a break-out, and
 * MongoDB operators in JSON or query-string form.
 */
final class SqlRules {

    private static final String QUOTE = "['\"`]";
    private static final String NUMBER = "(?:-?\\d+(?:\\.\\d+)?(?:e\\d+)?|0x[0-9a-f]+|null|true|false)";
    private static final String VALUE = "(?:" + NUMBER + "|['\"`][^'\"`\\n]{0,40}['\"`]?|[a-z_@$][\\w.$@]{0,40}(?:\\([^()]{0,40}\\))?"
            + "(?:\\s*(?:->>?|#>>?)\\s*['\"`][^'\"`\\n]{0,40}['\"`])?)";
    /** A comparison and its right-hand side, in the forms a condition that is always true takes. */
    private static final String COMPARED = "(?:(?:=|==|<>|!=|<=?|>=?|<=>)\\s*\\(*\\s*" + VALUE
            + "|(?:not\\s+)?(?:like|regexp|rlike|sounds like)\\s+(?:" + QUOTE + "|" + NUMBER + ")"
            + "|is\\s+(?:not\\s+)?(?:null|true|false)\\b|(?:not\\s+)?in\\s*\\(|between\\s+" + NUMBER + "\\s+and\\b)";
    private static final String COMPARED_STRICTLY = "(?:=|==|<>|!=|<=?|>=?|<=>|like)\\s*\\(*\\s*(?:" + NUMBER + "|" + QUOTE
            + "|[a-z_]\\w*\\s*\\()";
    private static final String LOGIC = "(?:\\bor\\b|\\band\\b|\\bxor\\b|\\|\\||&&|\\bnot\\b)";
    private static final String COMMENT = "(?:--|#|/\\*|;|\\x00)";
    private static final String DELAY = "(?:(?:pg_)?sleep|benchmark|pg_sleep_for|dbms_lock\\.sleep|dbms_pipe\\.receive_message|"
            + "randomblob|waitfor)";

    private static final Pattern EXECUTABLE_COMMENT = Pattern.compile("/\\*!\\d{0,6}|/\\*.*?\\*/|(?:\\w|['\"`)])\\+(?:\\w|['\"`(@])");

    static final List<Rule> RULES = List.of(
            // A string closed (or the text begun), then a condition that is always true or false.
            Rule.of(SQL, "sql.tautology", STRONG, "or and xor || && not",
                    "(?:^|" + QUOTE + ")\\s*\\)*\\s*" + LOGIC + "\\s*\\(*\\s*(?:not\\s+)?" + VALUE + "\\s*\\)*\\s*" + COMPARED),
            Rule.of(SQL, "sql.tautology", STRONG, "or and xor || &&",
                    "(?:^|[\\s=(])(?:-?\\d+|\\))\\s*\\)*\\s*" + LOGIC + "\\s*\\(*\\s*(?:not\\s+)?(?:" + NUMBER
                            + "|[a-z_]\\w*\\s*\\([^()]{0,60}(?:\\([^()]{0,60}\\)[^()]{0,20})*\\)|@@\\w+|\\(\\s*select\\b[^\\n]{0,80}?\\))\\s*"
                            + COMPARED_STRICTLY),
            Rule.of(SQL, "sql.tautology-bare", STRONG, "or and xor || && not",
                    QUOTE + "\\s*\\)*\\s*" + LOGIC + "\\s*\\(*\\s*(?:" + NUMBER + "|" + QUOTE + "\\w*" + QUOTE + ")\\s*\\)*\\s*" + COMMENT
                            + "|" + QUOTE + "\\s*(?:or|\\|\\|)\\s*" + QUOTE + "{2}|(?:^|[\\s=(])\\d+\\s*\\)*\\s*(?:or|\\|\\|)\\s+(?:true|not\\s+false)\\b"
                            + "\\s*\\)*\\s*(?:--|#|/\\*|;|$)"),
            Rule.of(SQL, "sql.quote-comment", STRONG, "-- # /*",
                    "(?:^|=)[\\w@.&-]{0,40}" + QUOTE + "\\s*\\)*\\s*;?\\s*(?:--(?:[\\s+-]|$)|#(?:\\s|$)|/\\*)"),
            Rule.of(SQL, "sql.quote-operator", STRONG, "' \" `",
                    "^" + QUOTE + "\\s*(?:=|\\|\\||\\+|-|\\*|/|%|&|\\^|\\|)\\s*[\\w'\"(][^\\n]{0,15}$"),
            Rule.of(SQL, "sql.union-select", CERTAIN, "union",
                    "(?:" + QUOTE + "|\\d|\\)|^|\\bnull|\\bfalse)\\s*\\)*\\s*union(?:\\s+(?:all|distinct))?\\s*\\(*\\s*select\\b"),
            Rule.of(SQL, "sql.union-select", STRONG, "union",
                    "\\bunion(?:\\s+(?:all|distinct))?\\s*\\(*\\s*select\\s*\\(*\\s*(?:" + NUMBER + "|@@|\\*|char\\(|concat|"
                            + "group_concat|version|user|database|schema|" + QUOTE + ")"),
            Rule.of(SQL, "sql.stacked-query", STRONG, ";",
                    ";\\s*(?:drop\\s+(?:table|database|schema|user|view|function|procedure)\\b|truncate\\s+(?:table\\s+)?\\w"
                            + "|delete\\s+from\\b|insert\\s+into\\b|update\\s+[\\w.`\"]+\\s+set\\b|shutdown\\b|exec(?:ute)?\\s*[\\w@(]"
                            + "|show\\s+(?:tables|databases|schemas|columns|grants|variables|processlist)\\b"
                            + "|declare\\s+@|create\\s+(?:table|user|function|procedure|trigger|database|login)\\b"
                            + "|alter\\s+(?:table|user|database|login|system)\\b|grant\\s+\\w|waitfor\\b|copy\\s+\\w"
                            + "|select\\s+(?:" + NUMBER + "|\\*|@@|" + DELAY + "|[\\w.]+\\s*\\(|" + QUOTE + "))"),
            Rule.of(SQL, "sql.time-delay", STRONG, "sleep benchmark waitfor receive_message randomblob",
                    "(?:^|[^.\\w])(?:(?:pg_)?sleep\\s*\\(\\s*\\(*\\s*-?\\d|pg_sleep(?:_for)?\\s*\\(|benchmark\\s*\\(\\s*\\d+\\s*,"
                            + "|waitfor\\s+(?:delay|time)\\s+" + QUOTE + "|dbms_lock\\.sleep\\s*\\(|dbms_pipe\\.receive_message\\s*\\("
                            + "|randomblob\\s*\\(\\s*\\d{6,})"),
            Rule.of(SQL, "sql.time-delay-in-query", CERTAIN, "sleep benchmark waitfor",
                    "(?:" + QUOTE + "|\\d|\\)|" + LOGIC + "|select|,|;|\\bif\\s*\\()\\s*\\(*\\s*" + DELAY + "\\s*(?:\\(|\\s+(?:delay|time))"),
            Rule.of(SQL, "sql.subquery-condition", STRONG, "select",
                    "(?:" + QUOTE + "|\\d|\\)|\\(|\\+|\\|\\||" + LOGIC + "|=|,)\\s*\\(+\\s*select\\s+(?:" + NUMBER + "|\\*|@@|top\\s+\\d|[\\w.]+\\s*\\(|"
                            + "[\\w.]+\\s*,|[\\w.]+\\s+from\\b|" + QUOTE + "|case\\b)|\\b(?:not\\s+)?exists\\s*\\(\\s*select\\b"),
            Rule.of(SQL, "sql.conditional", STRONG, "case if iif elt",
                    "\\b(?:case\\s+when\\s*\\(*\\s*" + VALUE + "\\s*" + COMPARED + "|(?:if|iif|elt)\\s*\\(\\s*\\(*\\s*" + VALUE + "\\s*"
                            + COMPARED + "\\s*\\)*\\s*,)"),
            Rule.of(SQL, "sql.select-from", STRONG, "select",
                    "\\bselect\\s+(?:top\\s+\\d+\\s+)?[\\w.*@(),'\"` ]{1,80}?\\bfrom\\s+[\\w.$\\[\\]`\"]+[^\\n]{0,80}?"
                            + "(?:--(?:[+-]|\\s*$)|#\\s*$|/\\*|\\b(?:or|and|where)\\s+\\d+\\s*=\\s*\\d+|\\blimit\\s+\\d+\\s*,\\s*\\d+|\\bdual\\b)"),
            Rule.of(SQL, "sql.catalogue", STRONG, "schema pg_ sys master mysql msys rdb$ all_ user_ v$",
                    "\\b(?:information_schema|pg_catalog|pg_shadow|pg_user|pg_authid|pg_database|sysobjects|syscolumns|"
                            + "sys\\.(?:tables|columns|objects|databases|sql_logins)|master\\.\\.sys|master\\.dbo|sqlite_master|"
                            + "sqlite_schema|mysql\\.user|msysobjects|rdb\\$\\w+|all_tables|all_tab_columns|user_tables|"
                            + "user_tab_columns|dba_users|v\\$version|sysibm\\.\\w+|sysusers|syslogins|sysdatabases)\\b"),
            Rule.of(SQL, "sql.server-function", STRONG, "(",
                    "\\b(?:load_file|extractvalue|updatexml|group_concat|st_latfromgeohash|st_longfromgeohash|st_pointfromgeohash|concat_ws|unhex|hex|make_set|exp|geometrycollection|"
                            + "multipoint|polygon|json_keys|gtid_subset|name_const|utl_inaddr\\.get_host_\\w+|utl_http\\.request|"
                            + "dbms_xmlgen\\.\\w+|dbms_\\w+\\.\\w+|ctxsys\\.\\w+|xmltype|sys_context|pg_read_file|pg_ls_dir|"
                            + "pg_read_binary_file|lo_import|lo_export|openrowset|opendatasource|openquery|sqlite_version|"
                            + "current_setting|convert\\s*\\(\\s*int|cast\\s*\\(\\s*\\(?\\s*(?:select|version|user|database|chr|char|@@|current_user|session_user|"
                            + "system_user|current_database|db_name))"
                            + "\\s*\\("),
            Rule.of(SQL, "sql.fingerprinting", WEAK, "@@ version user database schema",
                    "@@(?:version|hostname|datadir|servername|basedir|tmpdir|identity)\\b|\\b(?:version|user|database|schema|"
                            + "current_user|session_user|system_user|current_database|db_name|suser_sname)\\s*\\(\\s*\\)"),
            Rule.of(SQL, "sql.char-encoding", STRONG, "char chr 0x",
                    "\\b(?:char|chr|nchar)\\s*\\(\\s*\\d+\\s*\\)\\s*(?:\\|\\||\\+|,|&)\\s*(?:char|chr|nchar)\\s*\\(|"
                            + "\\b(?:char|chr)\\s*\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*){2,}\\)|=\\s*0x[0-9a-f]{6,}\\b"),
            Rule.of(SQL, "sql.file-write", CERTAIN, "into",
                    "\\binto\\s+(?:out|dump)file\\b"),
            Rule.of(SQL, "sql.procedure", CERTAIN, "xp_ sp_ exec procedure",
                    "\\b(?:xp_cmdshell|xp_dirtree|xp_fileexist|xp_regread|xp_servicecontrol|sp_executesql|sp_oacreate|"
                            + "sp_makewebtask|sp_configure|sp_addlogin|sp_password)\\b|\\bexec(?:ute)?\\s*\\(\\s*@|"
                            + "\\bexec(?:ute)?\\s+(?:master\\.|immediate\\s+" + QUOTE + ")|\\bprocedure\\s+analyse\\s*\\("),
            Rule.of(SQL, "sql.declare", STRONG, "declare",
                    "\\bdeclare\\s+@\\w+\\s+(?:n?varchar|int|bigint|sysname|n?char|table|varbinary|cursor)\\b"),
            Rule.of(SQL, "sql.execute-immediate", STRONG, "immediate",
                    "\\bexecute\\s+immediate\\b"),
            Rule.of(SQL, "sql.order-by-probe", STRONG, "order group",
                    "\\b(?:order|group)\\s+by\\s+\\d+(?:\\s*,\\s*\\d+)*\\s*(?:--|#|/\\*|;|\\)|$)"),
            Rule.of(SQL, "sql.group-having", STRONG, "having",
                    "\\bhaving\\s+\\(*\\s*" + VALUE + "\\s*" + COMPARED),
            Rule.of(SQL, "sql.comment-after-keyword", WEAK, "-- #",
                    "\\b(?:select|union|from|where|null|and|or)\\b[^\\n]{0,40}(?:--[\\s+-]|--$|#$)"),
            Rule.of(SQL, "sql.postgres-cast", STRONG, "::",
                    "(?:" + QUOTE + "|\\)|\\d|\\w)\\s*::\\s*(?:jsonb?|text|int\\d?|integer|bigint|varchar|bool(?:ean)?|regclass|"
                            + "numeric|bytea|inet|xml|oid)\\b\\s*(?:=|<>|!=|<|>|" + LOGIC + "|\\bis\\b|--|#|;|\\)|\\|\\||<@|@>|\\?|$)"),
            Rule.of(SQL, "sql.json-operator", STRONG, "<@ @> ? -> #>",
                    "(?:" + QUOTE + "|\\))\\s*(?:<@|@>|\\?\\||\\?&|#>>?|->>?)\\s*(?:" + QUOTE + "|array\\s*\\[|\\(|\\{)"),
            Rule.of(SQL, "sql.json-operator", WEAK, "<@ @> ? jsonb",
                    "(?:<@|@>|\\?\\||\\?&)\\s*(?:" + QUOTE + "|array\\s*\\[)|\\bjsonb_\\w+\\s*\\("),
            // MongoDB: an operator in a query string is always injected; in JSON, one that matches everything.
            Rule.of(SQL, "sql.nosql-operator", STRONG, "$",
                    "\\[\\s*\\$(?:ne|eq|gt|gte|lt|lte|in|nin|regex|where|exists|or|and|not|nor|expr|elemmatch|size|type|all|"
                            + "function|text|jsonschema|mod)\\s*\\]|\\{\\s*['\"]?\\$(?:ne|nin|regex|where|not|nor|expr|function|accumulator)['\"]?\\s*:|"
                            + "\\{\\s*['\"]?\\$(?:gt|gte|lt|lte)['\"]?\\s*:\\s*(?:''|\"\"|null|\\{\\s*\\}|\\[\\s*\\])"),
            Rule.of(SQL, "sql.nosql-operator", WEAK, "$",
                    "\\{\\s*['\"]?\\$(?:eq|gt|gte|lt|lte|in|exists|or|and|elemmatch|lookup|text)['\"]?\\s*:"),
            Rule.of(SQL, "sql.nosql-where", STRONG, "$where ; this. db. ||",
                    "['\"]?\\$where['\"]?\\s*:|" + QUOTE + "\\s*;\\s*(?:return\\s+(?:true|1|this)|while\\s*\\(|sleep\\s*\\()"
                            + "|\\bthis\\.\\w+\\.match\\s*\\(|\\bdb\\.\\w+\\.(?:find|drop|remove|insert|update)\\w*\\s*\\("
                            + "|" + QUOTE + "\\s*(?:\\|\\||&&)\\s*(?:\\d+\\s*==\\s*\\d+|true|this\\.|sleep\\()"));

    private SqlRules() {
    }

    static void detect(ProbeText text, UnaryOperator<CharSequence> reads, Findings findings) {
        String view = sqlView(text.text(), reads);
        Rule.applyAll(RULES, view, reads, findings);
    }

    /** The text with comments blanked and MySQL's executable comments opened, every character in its place. */
    static String sqlView(String text, UnaryOperator<CharSequence> reads) {
        if (!text.contains("/*") && !text.contains("+")) {
            return text;
        }
        char[] view = text.toCharArray();
        Matcher matcher = EXECUTABLE_COMMENT.matcher(reads.apply(text));
        while (matcher.find()) {
            int start = matcher.start();
            int end = matcher.end();
            String found = matcher.group();
            if (found.startsWith("/*!")) {
                blank(view, start, end);
                int close = text.indexOf("*/", end);
                if (close >= 0) {
                    blank(view, close, close + 2);
                }
            } else if (found.startsWith("/*")) {
                blank(view, start, end);
            } else {
                view[start + 1] = ' ';
            }
        }
        return new String(view);
    }

    private static void blank(char[] view, int start, int end) {
        for (int i = start; i < end; i++) {
            view[i] = ' ';
        }
    }
}
