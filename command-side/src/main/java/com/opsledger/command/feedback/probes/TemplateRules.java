package com.opsledger.command.feedback.probes;

import java.util.List;

import static com.opsledger.command.feedback.probes.Findings.CERTAIN;
import static com.opsledger.command.feedback.probes.Findings.STRONG;
import static com.opsledger.command.feedback.probes.Findings.WEAK;
import static com.opsledger.events.feedback.SecurityClass.TEMPLATE;

/**
 * Server-side template and expression-language injection. A placeholder such as {@code {{name}}} or
 * {@code ${user.email}} is what templates are for; the rules look at the structure inside a delimiter: arithmetic
 * the engine would evaluate, calls of what runs commands or reaches the runtime, Python's object graph
 * ({@code __class__.__mro__}), filters that call by name ({@code |attr()}, {@code |filter('system')}), statements
 * that import or include, and the directives of Freemarker, Velocity, Smarty, SpEL, OGNL and Log4j lookups.
 */
final class TemplateRules {

    private static final String OPEN = "(?:\\{\\{|\\{%|\\$\\{\\{?|#\\{|\\*\\{|@\\{|~\\{|\\{\\$|<%[=-]?|\\[\\[|@\\(|\\{#|\\{@|\\[%|\\[=)[=#-]?";
    /** Names that run commands or reach the runtime, in any engine. */
    private static final String EXECUTES = "(?:system|exec|execsync|popen|eval|spawn|subprocess|os\\.|getruntime|runtime|processbuilder|"
            + "forname|getclass|classloader|scriptengine|child_process|require|mainmodule|__import__|passthru|shell_exec|"
            + "file_get_contents|readfile|lipsum|cycler|joiner|get_flashed_messages|url_for|registerundefinedfiltercallback|"
            + "getfilter|constructor|getmethod|getdeclared\\w*|newinstance|invoke|java\\.lang|javax\\.script|import|"
            + "globals|builtins|function|getenv|environ|setattribute|getattribute|getsession|getservletcontext|getrealpath|"
            + "getparameter|getheader|getcookies|"
            + "file\\.(?:open|read|readlines|write|delete)|dir\\.(?:entries|glob|children)|io\\.\\w+|kernel\\.\\w+|open3)\\b";

    static final List<Rule> RULES = List.of(
            // Multiplication is the probe ({{7*7}}); a sum may be someone asking for arithmetic in templates.
            Rule.of(TEMPLATE, "template.arithmetic", CERTAIN, "{ <% [[ @( [% [=",
                    OPEN + "\\s*(?:print\\s+|echo\\s+|=\\s*)?\\(*\\s*['\"]?\\d+['\"]?\\s*[*/%]\\s*['\"]?\\d+['\"]?\\s*\\)*\\s*(?:\\}\\}?|%\\}|-?%>|\\]\\]?|\\)|%\\])"),
            Rule.of(TEMPLATE, "template.arithmetic", STRONG, "{ <% [[ @( [% [=",
                    OPEN + "\\s*(?:print\\s+|echo\\s+|=\\s*)?\\(*\\s*['\"]?\\d+['\"]?\\s*[+-]\\s*['\"]?\\d+['\"]?\\s*\\)*\\s*(?:\\}\\}?|%\\}|-?%>|\\]\\]?|\\)|%\\])"),
            Rule.of(TEMPLATE, "template.arithmetic", STRONG, "{",
                    "\\{\\s*\\d+\\s*\\*\\s*\\d+\\s*\\}"),
            Rule.of(TEMPLATE, "template.execution", CERTAIN, "{ <% [[ @(",
                    "(?:\\{\\{|\\{%|\\$\\{|#\\{|\\*\\{|@\\{|~\\{|\\{\\$|\\[\\[|\\{#|\\{@)[=#-]?[^}\\n]{0,200}?\\b" + EXECUTES
                            + "|<%[=-]?[^%\\n]{0,200}?\\b" + EXECUTES + "|@\\([^\\n]{0,200}?\\b" + EXECUTES
                            + "|(?:\\{\\{|\\{%|<%[=-]?)[^}%\\n]{0,100}?\\b(?:include|source|template_from_string|(?:global\\.)?process\\.env)\\b"),
            Rule.of(TEMPLATE, "template.object-graph", CERTAIN, "__",
                    "__(?:subclasses|mro|globals|builtins|base|bases|getattribute|reduce_ex|code|func_globals)__|"
                            + "__class__\\s*\\.\\s*__\\w+__|(?:\\{\\{|\\{%|\\$\\{|#\\{)[^}\\n]{0,200}?__\\w+__|"
                            + "\\[\\s*['\"]__\\w+__['\"]\\s*\\]|\\\\x5f\\\\x5f"),
            Rule.of(TEMPLATE, "template.object-graph", STRONG, "__", "\\.__class__\\b|\\(\\s*\\)\\s*\\.\\s*__\\w+__"),
            Rule.of(TEMPLATE, "template.filter-call", CERTAIN, "|",
                    "\\|\\s*(?:attr|filter|map|reduce|sort|join|select|reject|apply|call)\\s*\\(\\s*['\"]?\\s*(?:system|exec|passthru|"
                            + "shell_exec|popen|__|\\\\x5f|request|application|globals|os)|\\|\\s*attr\\s*\\(|"
                            + "\\|\\s*(?:e|escape|format|join|first|last|string)\\s*\\)?\\s*\\|\\s*attr\\b"),
            Rule.of(TEMPLATE, "template.statement", CERTAIN, "{% <#",
                    "\\{%-?\\s*(?:import|include|extends|from|debug|load|python|php|raw|set\\s+\\w+\\s*=\\s*(?:request|self|config|"
                            + "lipsum|cycler|\\(\\)|\\[\\]|''|\"\"))\\b|<#(?:assign|import|include|setting|attempt|visit)\\b"),
            Rule.of(TEMPLATE, "template.statement", STRONG, "{%",
                    "\\{%-?\\s*(?:for|if|with|macro|call|block|set|print|autoescape)\\b[^%\\n]{0,200}?(?:\\(|\\[\\s*\\d|__)[^%\\n]{0,200}?%\\}"),
            Rule.of(TEMPLATE, "template.object-access", STRONG, "{{ ${ <%",
                    "\\{\\{\\s*(?:config|settings|self|request|app|session|_self|_context|dump|this|range|g)\\s*(?:\\}\\}|\\.|\\||\\(|\\[)|"
                            + "\\$\\{\\s*(?:session|request|application|response|page|out)\\s*\\}|"
                            + "<%[=-]?\\s*(?:env\\s*\\[|@?request\\.env\\b|rails\\.application\\.(?:secrets|credentials|config))|"
                            + "\\$\\{\\s*(?:applicationscope|sessionscope|requestscope|pagecontext|initparam|header|cookie|param|facescontext)\\b|"
                            + "\\$\\{\\s*\\.(?:data_model|vars|globals|main|namespace|locals|template_name|current_template_name)\\b"),
            Rule.of(TEMPLATE, "template.go-action", STRONG, "{{",
                    "\\{\\{-?\\s*(?:printf|println|index|template|define|block|call|urlquery|slice)\\s+[\"'.$(]|"
                            + "\\{\\{-?\\s*\\.(?:env|os|getenv|exec|system|secret|secrets|config|file|readfile)\\b"),
            Rule.of(TEMPLATE, "template.razor", CERTAIN, "@",
                    "@[\\w.]*\\(?\\s*system\\.(?:diagnostics|io|net|reflection|runtime|environment)\\b"),
            Rule.of(TEMPLATE, "template.freemarker", CERTAIN, "?new ?api freemarker optionalclass",
                    "\\?\\s*new\\s*\\(|\\?\\s*api\\b|freemarker\\.template\\.utility\\.|\\.getoptionalclass\\s*\\("),
            Rule.of(TEMPLATE, "template.velocity", CERTAIN, "#set #foreach #evaluate #include #parse $class .getclass",
                    "#set\\s*\\(\\s*\\$|#foreach\\s*\\(\\s*\\$|#(?:evaluate|include|parse|define)\\s*\\(|\\$class\\s*\\.\\s*(?:inspect|type)|"
                            + "\\$\\w+\\s*\\.\\s*getclass\\s*\\(\\s*\\)"),
            Rule.of(TEMPLATE, "template.expression-language", CERTAIN, "t( java. #_memberaccess #context @ognl #rt .class ''. \"\".",
                    "\\bt\\s*\\(\\s*java\\.|\\bnew\\s+java\\.|@java\\.lang|#_memberaccess|#context\\s*\\[|@ognl|#rt\\s*=|"
                            + "(?:''|\"\")\\s*\\.\\s*(?:class|getclass)|\\bjava\\.lang\\.(?:runtime|processbuilder|system|class)\\b|"
                            + "\\.class\\s*\\.\\s*forname\\b|#request\\s*\\[|#application\\s*\\[|#session\\s*\\["),
            Rule.of(TEMPLATE, "template.lookup", CERTAIN, "${",
                    "\\$\\{\\s*(?:jndi|ldap|rmi|dns)\\s*:|\\$\\{\\s*\\$\\{[^}]{0,30}:-|\\$\\{(?:lower|upper|::-)[^}]{0,20}\\}\\s*\\$\\{"),
            Rule.of(TEMPLATE, "template.lookup", STRONG, "${",
                    "\\$\\{\\s*(?:env|sys|java|lower|upper|date|ctx|main|bundle|marker|spring|k8s|docker|log4j|web|sd|map|"
                            + "base64|script)\\s*:"),
            Rule.of(TEMPLATE, "template.smarty", CERTAIN, "{",
                    "\\{\\s*(?:php|/php|literal|fetch\\s+file|eval\\s|math\\s+equation|self::|smarty_internal\\w*::|\\$smarty\\s*\\.|system\\s*\\(|"
                            + "exec\\s*\\(|passthru\\s*\\(|include\\s+file\\s*=)|\\{\\s*(?:if|elseif|while)\\s+(?:system|exec|passthru|shell_exec|phpinfo|"
                            + "file_get_contents|readfile|eval|assert)\\s*\\("),
            Rule.of(TEMPLATE, "template.thymeleaf", CERTAIN, "__${ __*{",
                    "__[$*]\\{[^}\\n]{1,200}\\}__"),
            Rule.of(TEMPLATE, "template.handlebars", STRONG, "{{#",
                    "\\{\\{#(?:with|each|lookup|blockhelpermissing|helpermissing)\\s+[\"'(]|\\{\\{\\s*this\\s*\\.\\s*(?:push|pop)\\s*\\("),
            Rule.of(TEMPLATE, "template.erb-shell", CERTAIN, "<%",
                    "<%[=-]?\\s*(?:`|%x\\s*[({])"),
            Rule.of(TEMPLATE, "template.polyglot", CERTAIN, "{ <%",
                    "(?:\\$\\{|\\{\\{|<%|#\\{|\\[%|\\{%)[^\\s\\w]{0,6}(?:\\$\\{|\\{\\{|<%|#\\{|\\[%|\\{%)[^\\s\\w]{0,8}(?:%>|\\}\\}|%\\]|\\[%|<%|\\\\)"),
            Rule.of(TEMPLATE, "template.placeholder-probe", WEAK, "{ <%",
                    OPEN + "\\s*[\\w.]+\\s*\\(\\s*\\)?"));

    private TemplateRules() {
    }
}
