package com.opsledger.command.feedback.probes;

import java.util.List;

import static com.opsledger.command.feedback.probes.Findings.CERTAIN;
import static com.opsledger.command.feedback.probes.Findings.STRONG;
import static com.opsledger.command.feedback.probes.Findings.WEAK;
import static com.opsledger.events.feedback.SecurityClass.SCRIPT;

/**
 * Cross-site scripting: markup that runs script in any context a value may land in (between tags, inside an
 * attribute, inside a script), and script without markup. A tag alone is not a probe (a bug title may name
 * {@code <script type="module">}); a tag that carries script, a handler with code, a dangerous URL scheme, or a
 * call to a sink is.
 */
final class ScriptRules {

    /** Every DOM event a handler attribute can name, grouped by prefix. */
    private static final String EVENT = "on(?:abort|activate|afterprint|afterscriptexecute|animation(?:cancel|end|iteration|start)|"
            + "auxclick|before(?:activate|copy|cut|deactivate|input|paste|print|scriptexecute|toggle|unload)|begin|blur|bounce|"
            + "canplay(?:through)?|change|click|close|contextmenu|copy|cuechange|cut|dblclick|drag(?:end|enter|exit|leave|over|"
            + "start)?|drop|durationchange|emptied|end|ended|error|finish|focus(?:in|out)?|formdata|fullscreenchange|"
            + "hashchange|help|input|invalid|key(?:down|press|up)|load(?:eddata|edmetadata|end|start)?|message|"
            + "mouse(?:down|enter|leave|move|out|over|up|wheel)|move|offline|online|page(?:hide|show)|paste|pause|play(?:ing)?|"
            + "pointer(?:cancel|down|enter|leave|move|out|over|rawupdate|up)|popstate|progress|propertychange|ratechange|"
            + "readystatechange|repeat|reset|resize|scroll(?:end)?|search|seek(?:ed|ing)|select(?:start|ionchange)?|show|"
            + "slotchange|stalled|start|storage|submit|suspend|timeupdate|toggle|touch(?:cancel|end|move|start)|"
            + "transition(?:cancel|end|run|start)|unhandledrejection|unload|volumechange|waiting|webkit\\w+|wheel|zoom)";
    /** The start of a value that is script: a call, a sink, an assignment to the location. */
    private static final String CODE = "(?:[\\w$.\\[\\]'\"]{1,60}\\s*(?:\\(|`)|(?:alert|prompt|confirm|eval|location|document|window|top|"
            + "self|parent|this|import|fetch|throw|new\\s|javascript:|settimeout|setinterval|atob|constructor)\\b|\\[)";
    /** Script that only an attack runs from a handler: a dialog, eval, the cookie, a redirect, a request out. */
    private static final String DANGEROUS_CODE = "(?:[\\w$.]{0,40}(?:alert|prompt|confirm|eval|fetch|import|atob|fromcharcode|settimeout|"
            + "setinterval|constructor|print)\\s*(?:\\(|`)|(?:top|self|parent|window|document)\\s*(?:\\.|\\[)|location\\s*=|this\\.src|"
            + "javascript:|\\[|[\\w$.]+\\s*=\\s*[\\w$.]+\\.cookie|throw\\b)";
    static final List<Rule> RULES = List.of(
            Rule.of(SCRIPT, "script.script-tag", CERTAIN, "<script",
                    "<script\\b[^>]{0,200}>\\s*(?:[\\w$.\\[\\]'\"]{1,60}\\s*(?:\\(|`|=)|(?:var|let|const|new|if|for|while|"
                            + "function|try|throw|with|window|document|top|self|eval|import)\\b)|<script\\b[^>]{0,200}>[^<]{0,400}[(=`]"
                            + "[^<]{0,400}</script|<script\\b[^>]{0,200}\\bsrc\\s*=\\s*[\"'`]?\\s*(?://|data:|javascript:|\\\\\\\\)|"
                            + "</script\\s*>\\s*<script\\b"),
            Rule.of(SCRIPT, "script.script-tag", STRONG, "<script", "<script\\b[^>]{0,200}\\bsrc\\s*="),
            Rule.of(SCRIPT, "script.event-handler", CERTAIN, "on",
                    "<[a-z][\\w:-]*\\b[^>]{0,300}?[\\s/\"'`]" + EVENT + "\\s*=\\s*[\"'`]?\\s*" + DANGEROUS_CODE),
            Rule.of(SCRIPT, "script.event-handler", STRONG, "on",
                    "<[a-z][\\w:-]*\\b[^>]{0,300}?[\\s/\"'`]" + EVENT + "\\s*=\\s*[\"'`]?\\s*" + CODE),
            Rule.of(SCRIPT, "script.event-handler", STRONG, "on",
                    "(?:^|[\\s/\"'`;])" + EVENT + "\\s*=\\s*[\"'`]?\\s*" + CODE),
            Rule.of(SCRIPT, "script.url-scheme", CERTAIN, "script vbscript data",
                    "(?:=|\\(|\\[|^|[\\s\"'`])\\s*[\"'`]?\\s*(?:j\\s*a\\s*v\\s*a\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t|v\\s*b\\s*s\\s*c\\s*r\\s*i\\s*p\\s*t|"
                            + "livescript|mocha)\\s*:\\s*(?:[\\w$.\\[\\]]{1,60}(?:\\(|`|=)|/|void\\b|%|\\[|\\(|'|\"|`|\\{|\\\\)"),
            Rule.of(SCRIPT, "script.data-url", CERTAIN, "data",
                    "\\bdata\\s*:\\s*(?:text/html|text/xml|image/svg\\+xml|application/(?:x-)?(?:javascript|xhtml\\+xml|ecmascript)|"
                            + "text/javascript)\\s*[;,]"),
            Rule.of(SCRIPT, "script.dangerous-tag", CERTAIN, "<",
                    "<(?:embed|object|applet|portal|frameset)\\b[^>]{0,200}?\\b(?:src|data|code|codebase|href|type)\\s*="
                            + "|<(?:iframe|frame)\\b[^>]{0,200}?\\b(?:srcdoc\\s*=|src\\s*=\\s*[\"'`]?\\s*(?://|\\\\\\\\|javascript|data|"
                            + "vbscript|[^\"'`\\s>]{0,3}[^\\w\\s\"'`>/.:]))"
                            + "|<meta\\b[^>]{0,200}?(?:http-equiv\\s*=\\s*[\"'`]?\\s*(?:refresh|set-cookie|content-security)|"
                            + "charset\\s*=\\s*[\"'`]?\\s*utf-7)"
                            + "|<link\\b[^>]{0,200}?\\brel\\s*=\\s*[\"'`]?\\s*import\\b"
                            + "|<(?:link|base)\\b[^>]{0,200}?\\bhref\\s*=\\s*[\"'`]?\\s*(?:javascript|vbscript|data|//|https?:)"
                            + "|<(?:svg|math)\\b[^>]{0,200}?>[^\\n]{0,200}?<(?:script|animate|set|handler|foreignobject)\\b"
                            + "|<(?:isindex|xss|xml|import|comment|listener|handler)\\b"
                            + "|<\\?xml-stylesheet\\b|<!\\[cdata\\[[^\\]]{0,200}<"),
            Rule.of(SCRIPT, "script.iframe", STRONG, "<iframe <frame",
                    "<i?frame\\b[^>]{0,200}?\\bsrc\\s*="),
            Rule.of(SCRIPT, "script.style-injection", CERTAIN, "import binding behavior expression url",
                    "<style\\b[^>]{0,200}>[^<]{0,200}@import\\b|-moz-binding\\s*:|\\bbehaviou?r\\s*:\\s*url|"
                            + "\\b(?:width|height|color|background(?:-image)?|left|top|x|xss)\\s*:\\s*expression\\s*\\(|"
                            + "\\bexpression\\s*\\(\\s*(?:alert|eval|prompt|confirm|javascript|document|window)|"
                            + "\\burl\\s*\\(\\s*[\"'`]?\\s*(?:javascript|vbscript|data\\s*:\\s*text)"),
            Rule.of(SCRIPT, "script.style-import", STRONG, "@import",
                    "@import\\s*(?:url\\s*\\(\\s*)?[\"'`]?\\s*(?:javascript|data|//|\\\\)"),
            Rule.of(SCRIPT, "script.attribute", CERTAIN, "formaction xlink srcdoc srcset dynsrc lowsrc",
                    "\\b(?:formaction|xlink:href|srcdoc|dynsrc|lowsrc|background|poster|action|href|src|data|values|to|from|by)\\s*="
                            + "\\s*[\"'`]?\\s*(?:javascript|vbscript|data\\s*:\\s*text)|\\b(?:formaction|srcdoc)\\s*="),
            Rule.of(SCRIPT, "script.attribute-breakout", STRONG, ">",
                    "[\"'`]\\s*/?>\\s*<(?:img|svg|iframe|script|a|body|input|details|video|audio|object|embed|marquee|h1|div|"
                            + "style|base|meta|link|form|math|x|p|b|i|select|textarea|keygen|isindex|frameset|table|image|button)\\b"
                            + "|-->\\s*<(?:script|img|svg|iframe)\\b|</(?:title|textarea|style|noscript|script|iframe|xmp|template|"
                            + "option|select|plaintext)\\s*>\\s*<[a-z]"),
            Rule.of(SCRIPT, "script.sink-call", CERTAIN, "alert prompt confirm",
                    "(?:^|[^\\w.])(?:alert|prompt|confirm)(?:\\s*\\(\\s*(?:[\"'`]?(?:\\d|xss|1|hacked|pwned|test)|/)|\\((?:document|window|top|"
                            + "self|this|location|name|origin|cookie|navigator|xss|string\\.|[\\w$]+\\.[\\w$]|[\\w$]+\\()|\\s*`)"),
            Rule.of(SCRIPT, "script.sink-call", STRONG, "alert prompt confirm",
                    "(?:^|[^\\w.])(?:alert|prompt|confirm)\\s*\\(\\s*[\"'`]"),
            Rule.of(SCRIPT, "script.sink-call", STRONG, "eval settimeout setinterval execscript function import fetch atob",
                    "(?:^|[^\\w.])(?:eval|settimeout|setinterval|execscript|function)\\s*\\(\\s*(?:[\"'`]|atob|"
                            + "string\\.fromcharcode|unescape|decodeuri|location|name|document|window|this)|"
                            + "\\bimport\\s*\\(\\s*[\"'`](?:https?:|data:)?//|"
                            + "\\bfetch\\s*\\(\\s*[\"'`]?\\s*(?:https?:)?//[^\\s)]*[\"'`]?\\s*\\+|"
                            + "\\b(?:eval|settimeout|setinterval)\\s*`"),
            Rule.of(SCRIPT, "script.dom-access", WEAK, "document innerhtml outerhtml",
                    "\\bdocument\\s*\\.\\s*(?:cookie|domain|write(?:ln)?\\s*\\()|\\.\\s*(?:inner|outer)html\\s*="),
            Rule.of(SCRIPT, "script.redirect", STRONG, "location image",
                    "\\blocation\\s*(?:\\.\\s*href\\s*)?=\\s*[\"'`]?\\s*(?:javascript|//|https?://)[^\\n]{0,80}\\+|"
                            + "\\blocation\\s*(?:\\.\\s*href\\s*)?=\\s*[\"'`]?\\s*javascript|"
                            + "\\bnew\\s+image\\s*\\(\\s*\\)\\s*\\.\\s*src\\s*="),
            Rule.of(SCRIPT, "script.computed-call", CERTAIN, "[ constructor apply call bind",
                    "\\b(?:window|top|self|parent|this|globalthis|frames|content|document)\\s*\\[\\s*[\"'`/(]"
                            + "[^\\]]{0,80}\\]\\s*(?:\\(|`|\\[)|\\bconstructor\\s*(?:\\.\\s*constructor|\\[\\s*[\"'`]constructor)"
                            + "\\s*\\(|\\[\\s*\\]\\s*\\[\\s*[\"'`](?:filter|map|sort|at|constructor)[\"'`]\\s*\\]|"
                            + "(?:reflect\\s*\\.\\s*apply|\\.\\s*(?:call|apply))\\s*\\(\\s*(?:alert|prompt|confirm|eval)\\b|"
                            + "\\b(?:alert|prompt|confirm|eval)\\s*\\.\\s*(?:call|apply|bind)\\s*\\("),
            Rule.of(SCRIPT, "script.obfuscation", CERTAIN, "[]",
                    "(?:!\\[\\]|\\+\\[\\]|\\[\\]\\+|\\(\\[\\]|\\[\\]\\[|\\]\\[)[\\[\\]()!+]{20,}"),
            Rule.of(SCRIPT, "script.string-building", STRONG, "fromcharcode atob unescape",
                    "\\b(?:string\\s*\\.\\s*fromcharcode|atob|unescape|decodeuricomponent)\\s*\\(\\s*[\"'`\\d]"),
            Rule.of(SCRIPT, "script.payload-tag", WEAK, "<",
                    "<(?:script|iframe|svg|img|body|object|embed|style|meta|link|base|form|input|video|audio|marquee|details|"
                            + "math|a)\\b[^>]{0,200}(?:>|$)"));

    private ScriptRules() {
    }
}
