"""The reviewed words of the extractor, per language: actions, their cues, negation and hedging,
anchors ("a week after ..."), bodies that act ("the Chinese parliament") and law names.

An action is a verb or phrase mapped to one of the model's action types. Some need a cue in the
same sentence: ``law`` (a law is named or referred to), ``data`` (government requests for user
data), ``service`` (a service, app or market), ``content`` (posts, accounts, videos). "Paused"
near "data requests" is a data-request policy; near "its service" a withdrawal; alone, nothing.
When one sentence holds several actions of one actor, the first type in ``PRIORITY`` wins: a
specific act over the statement that announced it.

The tables are written as ``type [cue]: alternative|alternative`` lines of regular expressions;
languages written with spaces match whole words (a trailing ``\\w*`` allows endings), CJK
languages match anywhere. Languages: the twelve the date engine is checked on.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

PRIORITY = (
    "law_struck_down",
    "law_in_force",
    "law_signed",
    "law_passed",
    "lawsuit_filed",
    "service_restored",
    "service_blocked",
    "content_blocked",
    "service_withdrawn",
    "data_request_policy",
    "government_order",
    "compliance",
    "statement",
)
LAW_ACTIONS = frozenset({"law_passed", "law_signed", "law_in_force", "law_struck_down"})
SPACELESS = frozenset({"zh", "ja", "ko"})
# Languages whose verb (or its participle) comes last: the subject is the first name of the clause,
# not the one nearest the verb ("Die Netzwerk AG hat … Datenanfragen der Behörden ausgesetzt").
SUBJECT_FIRST = frozenset({"de", "ja", "ko", "tr"})
LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ru", "tr", "ar", "zh", "ja", "ko")

ACTIONS = {
    "en": r"""
law_struck_down [law]: str(?:uck|ike|ikes|iking) down|overturn(?:s|ed|ing)?|invalidat(?:e|es|ed|ing)|annul(?:s|led|ling)?|quash(?:es|ed|ing)?|ruled (?:\w+ ){0,3}unconstitutional
law_in_force [law]: (?:took|take|takes|taken|taking) effect|(?:came|come|comes|coming) into (?:force|effect)|(?:entered|enters|entering) into force|(?:went|go|goes|gone) into effect|(?:became|becomes) effective
law_signed [law]: sign(?:s|ed|ing)?
law_passed [law]: pass(?:es|ed|ing)?|adopt(?:s|ed|ing)?|approv(?:e|es|ed|ing)|enact(?:s|ed|ing)?|vot(?:e|es|ed|ing) (?:for|through|to (?:pass|adopt|approve))|rubber-stamp(?:s|ed|ing)?
lawsuit_filed: sue[sd]?|suing|fil(?:e|es|ed|ing) (?:a |an )?(?:\w+ ){0,2}(?:lawsuit|suit|complaint|legal challenge|case)|(?:took|take|takes|taken|taking) (?:\w+ ){1,3}to court|challeng(?:e|es|ed|ing) (?:\w+ ){1,6}in court
service_restored [service]: restor(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|reinstat(?:e|es|ed|ing)
service_restored: lift(?:s|ed|ing)? (?:the|its|a) (?:\w+ )?(?:ban|block|blocking|suspension|restrictions?)|unblock(?:s|ed|ing)?
service_blocked [service]: block(?:s|ed|ing)?|ban(?:s|ned|ning)?|throttl(?:e|es|ed|ing)|restrict(?:s|ed|ing)? access|cut(?:s|ting)? off access
content_blocked [content]: remov(?:e|es|ed|ing)|(?:took|take|takes|taken|taking) down|delet(?:e|es|ed|ing)|censor(?:s|ed|ing)?|geo-?block(?:s|ed|ing)?|block(?:s|ed|ing)?
data_request_policy [data]: paus(?:e|es|ed|ing)|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|stop(?:s|ped|ping)?|(?:took|take|takes|taken|taking) a pause|freez(?:e|es|ing)|froze|resum(?:e|es|ed|ing)|refus(?:e|es|ed|ing) to (?:hand over|share|process|comply)|(?:ended|ends|end) (?:its )?cooperation
service_withdrawn [service]: withdr(?:ew|aw|aws|awn|awing)|pull(?:s|ed|ing)? out|exit(?:s|ed|ing)?|(?:left|leave|leaves|leaving) the (?:\w+ )?market|shut(?:s|ting)? down|ce(?:ase|ased|ases|asing) (?:\w+ )?operations|paus(?:e|es|ed|ing)|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|stop(?:s|ped|ping)?
government_order: order(?:s|ed|ing)?|instruct(?:s|ed|ing)?|direct(?:s|ed)? (?:\w+ ){1,3}to|fin(?:e|es|ed|ing)|compel(?:s|led|ling)?
compliance: compl(?:y|ies|ied|ying) with|agreed to comply|hand(?:s|ed|ing)? over (?:user |the )?data|obey(?:s|ed|ing)?
statement: said|says|saying|stated|announc(?:e|es|ed|ing)|declar(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|critici[sz](?:e|es|ed|ing)|prais(?:e|es|ed|ing)|rejoic(?:e|es|ed|ing)|warn(?:s|ed|ing)?|urg(?:e|es|ed|ing)|call(?:s|ed)? (?:on|for)|follow(?:s|ed)? suit|voic(?:e|es|ed|ing) (?:its |their )?(?:stand|concern|support|opposition)|express(?:es|ed)? (?:its |their )?(?:concern|support|opposition)
""",
    "fr": r"""
law_struck_down [law]: annul\w*|invalid\w*|censur\w*|retoqu\w*|déclar\w* (?:\w+ )?inconstitutionnel\w*
law_in_force [law]: (?:est |sont )?entr\w* en vigueur|pri[st]\w* effet|prend\w* effet
law_signed [law]: sign\w*|promulgu\w*
law_passed [law]: adopt\w*|vot\w*|approuv\w*
lawsuit_filed: port\w* plainte|poursuivi\w* en justice|assign\w* en justice|saisi\w* (?:la justice|le tribunal|la cour)|dépos\w* (?:un )?recours|attaqu\w* en justice
service_restored [service]: rétabli\w*|repri[st]\w*|reprend\w*
service_restored: lev\w* (?:l'|l’)?(?:interdiction|blocage|suspension)|débloqu\w*
service_blocked [service]: bloqu\w*|interdi\w*|restrei\w*
content_blocked [content]: supprim\w*|retir\w*|censur\w*|bloqu\w*
data_request_policy [data]: suspend\w*|interromp\w*|cess\w*|arrêt\w*|mis en pause|gel\w*|refus\w* de (?:transmettre|communiquer|coopérer)
service_withdrawn [service]: retir\w*|quitt\w*|ferm\w*|suspend\w*|interromp\w*|cess\w*|arrêt\w*
government_order: ordonn\w*|mis en demeure|inflig\w* (?:une )?amende|condamn\w* à (?:une )?amende|sanctionn\w*
compliance: se conform\w*|obtempér\w*
statement: déclar\w*|affirm\w*|a dit|annonc\w*|salu\w*|dénonc\w*|critiqu\w*|regrett\w*|félicit\w*|réjoui\w*|averti\w*|estim\w*
""",
    "de": r"""
law_struck_down [law]: gekippt|kippt\w*|für (?:verfassungswidrig|nichtig|ungültig) erklärt|aufgehoben
law_in_force [law]: in Kraft getreten|tritt\w* (?:\w+ ){0,4}in Kraft|trat\w* (?:\w+ ){0,4}in Kraft
law_signed [law]: unterzeichne\w*|unterschrieb\w*|unterschrieben|ausgefertigt
law_passed [law]: verabschiede\w*|beschlossen|beschließt|beschloss|angenommen|gebilligt|billigt\w*
lawsuit_filed: verklagt\w*|Klage eingereicht|reicht\w* (?:\w+ ){0,4}Klage ein|klagt\w*|Beschwerde eingelegt|(?:zieht|zog|ziehen)\w* (?:\w+ ){0,3}vor Gericht
service_restored [service]: wiederhergestellt|stellt\w* (?:\w+ ){0,4}wieder her|wieder aufgenommen|nimmt\w* (?:\w+ ){0,4}wieder auf
service_restored: entsperrt\w*|wieder freigeschaltet|Sperre aufgehoben|hob\w* (?:\w+ ){0,2}Sperre auf
service_blocked [service]: gesperrt|sperrt\w*|blockiert\w*|verboten|verbietet|verbot
content_blocked [content]: gelöscht|löscht\w*|entfernt\w*|gesperrt|sperrt\w*
data_request_policy [data]: ausgesetzt|setzt\w* (?:\w+ ){0,6}aus|gestoppt|stoppt\w*|eingestellt|stellt\w* (?:\w+ ){0,6}ein|pausiert\w*|eingefroren
service_withdrawn [service]: zurückgezogen|(?:zieht|zog)\w* sich (?:\w+ ){0,4}zurück|eingestellt|stellt\w* (?:\w+ ){0,4}ein|ausgesetzt|setzt\w* (?:\w+ ){0,4}aus
government_order: angeordnet|ordnet\w* (?:\w+ ){0,4}an|verpflichtet\w*|verhängt\w*|Bußgeld|Geldstrafe
compliance: befolgt\w*|kommt\w* (?:\w+ ){0,4}nach|fügt\w* sich
statement: sagte\w*|sagt|erklärte\w*|erklärt|teilte\w* (?:\w+ ){0,3}mit|teilt (?:\w+ ){0,3}mit|kritisiert\w*|begrüßt\w*|verurteilt\w*|warnt\w*|betont\w*|fordert\w*
""",
    "es": r"""
law_struck_down [law]: anul\w*|invalid\w*|tumb\w*|declar\w* (?:\w+ )?inconstitucional\w*|derog\w*
law_in_force [law]: entr\w* en vigor
law_signed [law]: firm\w*|promulg\w*|sancion\w*
law_passed [law]: aprob\w*|adopt\w*
lawsuit_filed: demand\w*|present\w* (?:una )?demanda|interpus\w* (?:una )?demanda|denunci\w* ante|recurri\w* ante
service_restored [service]: restable\w*|reanud\w*|restaur\w*
service_restored: levant\w* (?:el |la )?(?:bloqueo|prohibición|suspensión)|desbloque\w*
service_blocked [service]: bloque\w*|prohib\w*|restring\w*
content_blocked [content]: elimin\w*|borr\w*|retir\w*|censur\w*|bloque\w*
data_request_policy [data]: suspend\w*|paus\w*|interrump\w*|dej\w* de (?:atender|responder|procesar|cooperar)|congel\w*|deten\w*|detuv\w*
service_withdrawn [service]: retir\w*|abandon\w*|sali\w* del (?:mercado|país)|cerr\w*|suspend\w*|interrump\w*|dej\w* de (?:ofrecer|operar)
government_order: orden\w*|multó|multad\w*|impus\w* (?:una )?multa|sancion\w*
compliance: cumpli\w*|acat\w*
statement: dijo|dice|declar\w*|afirm\w*|anunci\w*|critic\w*|celebr\w*|conden\w*|advirti\w*|señal\w*|asegur\w*
""",
    "it": r"""
law_struck_down [law]: annull\w*|bocciat\w*|dichiarat\w* (?:\w+ )?incostituzional\w*|abrogat\w*
law_in_force [law]: entrat\w* in vigore|entra in vigore
law_signed [law]: firmat\w*|firma|promulgat\w*
law_passed [law]: approvat\w*|approva|adottat\w*|varat\w*|vara
lawsuit_filed: fatto causa|fa causa|citat\w* in giudizio|presentat\w* (?:un )?ricorso|denunciat\w*
service_restored [service]: ripristinat\w*|ripristina|ripres\w*|riprende\w*
service_restored: sbloccat\w*|revocat\w* (?:il )?blocco
service_blocked [service]: bloccat\w*|blocca|vietat\w*|vieta|oscurat\w*
content_blocked [content]: rimoss\w*|rimuove\w*|cancellat\w*|censurat\w*|bloccat\w*
data_request_policy [data]: sospes\w*|sospende\w*|interrott\w*|interromp\w*|smesso di|fermat\w*
service_withdrawn [service]: ritirat\w*|ritira|lasciat\w* il mercato|abbandonat\w*|chius\w*|sospes\w*|sospende\w*
government_order: ordinat\w*|ordina|multat\w*|sanzionat\w*|inflitt\w* (?:una )?multa
compliance: adeguat\w*|conformat\w*
statement: ha detto|detto|dichiarat\w*|dichiara|affermat\w*|afferma|annunciat\w*|annuncia|criticat\w*|accolt\w*|condannat\w*|avvertit\w*
""",
    "pt": r"""
law_struck_down [law]: anul\w*|derrub\w*|invalid\w*|declar\w* (?:\w+ )?inconstitucional
law_in_force [law]: entr\w* em vigor
law_signed [law]: assin\w*|sancion\w*|promulg\w*
law_passed [law]: aprov\w*|adot\w*
lawsuit_filed: process\w*|entr\w* com (?:uma )?(?:ação|processo)|ajuiz\w*|acion\w* (?:a )?justiça
service_restored [service]: restabelec\w*|restaur\w*|retom\w*
service_restored: desbloque\w*|liber\w* o acesso
service_blocked [service]: bloque\w*|proib\w*|restring\w*
content_blocked [content]: remov\w*|exclu\w*|apag\w*|censur\w*|bloque\w*
data_request_policy [data]: suspend\w*|suspens\w*|paus\w*|interromp\w*|deix\w* de (?:atender|responder|cooperar)|cong\w*
service_withdrawn [service]: retir\w*|deix\w* o (?:mercado|país)|sai\w* do (?:mercado|país)|encerr\w*|suspend\w*|suspens\w*
government_order: orden\w*|determin\w*|multou|multad\w*|aplic\w* (?:uma )?multa
compliance: cumpri\w*|acat\w*
statement: disse|diz|afirm\w*|declar\w*|anunci\w*|critic\w*|comemor\w*|conden\w*|alert\w*
""",
    "ru": r"""
law_struck_down [law]: отменил\w*|отменен\w*|отменён\w*|признал\w* (?:\w+ ){0,2}(?:неконституционным|недействительным)
law_in_force [law]: вступил\w* в силу|вступает в силу|вступ\w* в силу
law_signed [law]: подписал\w*|подписан\w*
law_passed [law]: принял\w*|приняли|принят\w*|одобрил\w*|одобрен\w*
lawsuit_filed: подал\w* (?:\w+ ){0,2}(?:иск|в суд|жалобу)|обратил\w* в суд|судится
service_restored [service]: восстановил\w*|возобновил\w*
service_restored: разблокировал\w*|снял\w* (?:\w+ )?(?:блокировку|запрет)
service_blocked [service]: заблокировал\w*|заблокирован\w*|ограничил\w*|запретил\w*|замедлил\w*
content_blocked [content]: удалил\w*|удален\w*|удалён\w*|заблокировал\w*
data_request_policy [data]: приостановил\w*|прекратил\w*|остановил\w*|перестал\w*|заморозил\w*
service_withdrawn [service]: ушл[аи]|ушел|ушёл|покинул\w*|свернул\w*|закрыл\w*|приостановил\w*|прекратил\w*
government_order: обязал\w*|приказал\w*|потребовал\w*|оштрафовал\w*|предписал\w*
compliance: выполнил\w*|подчинил\w*|исполнил\w*
statement: заявил\w*|сообщил\w*|сказал\w*|отметил\w*|раскритиковал\w*|приветствовал\w*|осудил\w*|предупредил\w*
""",
    "tr": r"""
law_struck_down [law]: iptal etti|iptal edildi|bozdu|Anayasa'ya aykırı buldu|Anayasaya aykırı buldu
law_in_force [law]: yürürlüğe girdi|yürürlüğe girmişti
law_signed [law]: imzaladı|imzalandı
law_passed [law]: kabul etti|kabul edildi|onayladı|onaylandı|yasalaştı\w*
lawsuit_filed: dava açtı|dava etti|suç duyurusunda bulundu|şikayette bulundu
service_restored [service]: yeniden başlattı|geri getirdi|yeniden açtı
service_restored: erişim engelini kaldırdı|yasağı kaldırdı|erişime açıldı|erişime açtı
service_blocked [service]: engelledi|engellendi|yasakladı|yasaklandı|kısıtladı|erişim engeli getirdi
content_blocked [content]: kaldırdı|sildi|kaldırıldı|silindi|engelledi
data_request_policy [data]: askıya aldı|durdurdu|dondurdu|ara verdi
service_withdrawn [service]: çekildi|kapattı|ayrıldı|askıya aldı|durdurdu
government_order: emretti|talimat verdi|para cezası verdi|ceza verdi|zorunlu tuttu
compliance: uydu|uyum sağladı|uymayı kabul etti
statement: açıkladı|dedi|söyledi|belirtti|duyurdu|eleştirdi|kınadı|memnuniyetle karşıladı|uyardı
""",
    "ar": r"""
law_struck_down [law]: [وف]?(?:ألغت|ألغى|أبطل|أبطلت|قضت بعدم دستورية|قضى بعدم دستورية)
law_in_force [law]: [وف]?(?:دخل|دخلت) حيز التنفيذ
law_signed [law]: [وف]?(?:وقع|وقّع|وقعت|وقّعت)
law_passed [law]: [وف]?(?:أقر|أقرت|اعتمد|اعتمدت|صادق|صادقت|وافق على|وافقت على)
lawsuit_filed: [وف]?(?:رفع دعوى|رفعت دعوى|قاضى|قاضت|طعن|طعنت)
service_restored: [وف]?(?:استأنف|استأنفت|أعاد|أعادت|رفع الحجب|رفعت الحجب|رفعت الحظر|رفع الحظر)
service_blocked [service]: [وف]?(?:حجب|حجبت|حظر|حظرت|منع|منعت)
content_blocked [content]: [وف]?(?:حذف|حذفت|أزال|أزالت|حجب|حجبت)
data_request_policy [data]: [وف]?(?:علق|علّق|علقت|علّقت|أوقف|أوقفت|توقف|توقفت|جمد|جمدت)
service_withdrawn [service]: [وف]?(?:انسحب|انسحبت|أغلق|أغلقت|علق|علّق|علقت|علّقت)
government_order: [وف]?(?:أمر|أمرت|فرض غرامة|فرضت غرامة|غرم|غرّم|غرمت|ألزم|ألزمت)
compliance: [وف]?(?:امتثل|امتثلت|التزم|التزمت)
statement: [وف]?(?:قال|قالت|أعلن|أعلنت|صرح|صرّح|صرحت|أكد|أكدت|انتقد|انتقدت|رحب|رحبت|أدان|أدانت|حذر|حذرت)
""",
    "zh": r"""
law_struck_down [law]: 推翻|废除|廢除|撤销|撤銷|裁定违宪|裁定違憲|宣布无效|宣布無效
law_in_force [law]: 生效|施行|正式实施|正式實施
law_signed [law]: 签署|簽署|签发|簽發|公布|頒布|颁布
law_passed [law]: 通过|通過|批准
lawsuit_filed: 起诉|起訴|提起诉讼|提起訴訟|控告|状告|狀告|提告
service_restored [service]: 恢复|恢復|重新开放|重新開放
service_restored: 解封|解除封锁|解除封鎖
service_blocked [service]: 封锁|封鎖|屏蔽|封禁|禁止|限制访问|限制訪問
content_blocked [content]: 删除|刪除|移除|下架|屏蔽
data_request_policy [data]: 暂停|暫停|停止|中止|冻结|凍結|拒绝|拒絕
service_withdrawn [service]: 退出|撤出|关闭|關閉|停止|暂停|暫停|中止
government_order: 下令|责令|責令|罚款|罰款|处以|處以
compliance: 遵守|服从|服從
statement: 表示|宣布|声明|聲明|指出|批评|批評|欢迎|歡迎|谴责|譴責|警告
""",
    "ja": r"""
law_struck_down [law]: 無効と|違憲と|取り消し|破棄
law_in_force [law]: 施行|発効
law_signed [law]: 署名|公布
law_passed [law]: 可決|成立|採択|承認
lawsuit_filed: 提訴|訴えを起こ|訴訟を起こ|告訴
service_restored [service]: 再開|復旧
service_restored: 解除
service_blocked [service]: 遮断|ブロック|禁止
content_blocked [content]: 削除|除去|非公開に
data_request_policy [data]: 停止|一時停止|中止|凍結|見合わせ
service_withdrawn [service]: 撤退|閉鎖|停止|中止|終了
government_order: 命じ|命令|罰金|制裁金
compliance: 従う|従っ|遵守|応じ
statement: 述べ|発表|表明|明らかにし|批判|歓迎|非難|警告
""",
    "ko": r"""
law_struck_down [law]: 위헌|무효|폐지|취소
law_in_force [law]: 시행|발효
law_signed [law]: 서명|공포
law_passed [law]: 통과|가결|의결|채택
lawsuit_filed: 소송|고소|제소
service_restored [service]: 재개|복구
service_restored: 해제
service_blocked [service]: 차단|금지
content_blocked [content]: 삭제|제거
data_request_policy [data]: 중단|중지|보류|동결
service_withdrawn [service]: 철수|폐쇄|종료|중단|중지
government_order: 명령|지시|과징금|벌금
compliance: 준수|따르
statement: 밝혔|말했|발표|비판|환영|규탄|경고
""",
}

CUES = {
    "en": {
        "data": r"(?:data|information) requests?|requests? for (?:\w+ ){0,2}(?:data|information)|user (?:data|information)|law[- ]enforcement|government requests?|police requests?|cooperation with (?:the )?(?:\w+ )?(?:authorities|police|government)|requests? from (?:the )?(?:\w+ ){0,3}(?:government|police|authorities)",
        "service": r"services?|apps?|application|operations|business|website|site|platform|store|products?|access|market|network|VPN|sales|servers?|social network|internet|connections?",
        "content": r"posts?|content|accounts?|videos?|articles?|tweets?|pages?|search results|channels?|photos?|messages",
        "law": r"laws?|acts?|bills?|legislation|ordinance|regulations?|statute|directive|decree|ban|agreement|treaty|pact|accord|framework",
    },
    "fr": {
        "data": r"données|demandes?|requêtes|forces de l'ordre|forces de l’ordre|police|autorités",
        "service": r"services?|applications?|appli|activités|site|plateforme|accès|marché|réseau social|serveurs?",
        "content": r"contenus?|publications?|comptes?|vidéos?|messages",
        "law": r"loi|lois|projet de loi|décret|règlement|directive|ordonnance|texte|accord|traité",
    },
    "de": {
        "data": r"Daten\w*|Anfragen|Auskunftsersuchen|Behörden|Polizei|Strafverfolgung\w*",
        "service": r"Dienst\w*|App|Apps|Angebot|Betrieb|Website|Plattform|Zugang|Markt|Geschäft|Netzwerk|Server",
        "content": r"Inhalte|Beiträge|Konten|Videos|Posts|Nachrichten|Accounts",
        "law": r"Gesetz\w*|\w+gesetz\w*|Verordnung|Richtlinie|\w*[Aa]bkommen\w*|Vertrag",
    },
    "es": {
        "data": r"datos|solicitudes|peticiones|requerimientos|autoridades|policía",
        "service": r"servicios?|aplicación|app|operaciones|sitio|plataforma|acceso|mercado|red social|servidores",
        "content": r"contenidos?|publicaciones|cuentas|videos|vídeos|mensajes",
        "law": r"ley|leyes|proyecto de ley|decreto|reglamento|norma|acuerdo|tratado",
    },
    "it": {
        "data": r"dati|richieste|autorità|polizia",
        "service": r"servizi?o?|app|applicazione|attività|sito|piattaforma|accesso|mercato|social network|rete sociale|server",
        "content": r"contenuti|post|account|video|messaggi",
        "law": r"legge|leggi|decreto|regolamento|direttiva|norma|accordo|trattato",
    },
    "pt": {
        "data": r"dados|pedidos|solicitações|requisições|autoridades|polícia",
        "service": r"serviços?|aplicativo|app|operações|site|plataforma|acesso|mercado|rede social|redes sociais|servidores",
        "content": r"conteúdos?|publicações|contas|vídeos|mensagens|posts",
        "law": r"lei|leis|projeto de lei|decreto|regulamento|medida provisória|acordo|tratado",
    },
    "ru": {
        "data": r"данн\w*|запрос\w*|власт\w*|полиц\w*|правоохранительн\w*",
        "service": r"сервис\w*|служб\w*|приложени\w*|работ\w*|сайт\w*|платформ\w*|доступ\w*|рын\w*",
        "content": r"контент\w*|публикаци\w*|аккаунт\w*|видео|сообщени\w*|пост\w*",
        "law": r"закон\w*|законопроект\w*|указ\w*|постановлени\w*",
    },
    "tr": {
        "data": r"veri\w*|talep\w*|makam\w*|polis\w*|yetkili\w*",
        "service": r"hizmet\w*|uygulama\w*|faaliyet\w*|site\w*|platform\w*|erişim\w*|pazar\w*",
        "content": r"içerik\w*|paylaşım\w*|hesap\w*|video\w*|gönderi\w*",
        "law": r"yasa\w*|kanun\w*|yönetmelik\w*|kararname\w*",
    },
    "ar": {
        "data": r"\w*بيانات|\w*طلبات|السلطات|الشرطة",
        "service": r"\w*خدم\w*|\w*تطبيق|عمليات\w*|\w*موقع|\w*منصة|الوصول|السوق",
        "content": r"\w*محتوى|منشورات|حسابات|فيديو\w*|رسائل",
        "law": r"\w*قانون|مشروع قانون|مرسوم|لائحة",
    },
    "zh": {
        "data": r"数据|數據|资料|資料|请求|請求|当局|當局|警方|执法|執法",
        "service": r"服务|服務|应用|應用|业务|業務|网站|網站|平台|访问|訪問|市场|市場",
        "content": r"内容|內容|帖子|账号|賬號|帳號|视频|影片|貼文",
        "law": r"法|法律|法案|条例|條例|规定|規定",
    },
    "ja": {
        "data": r"データ|情報|要求|請求|当局|警察|捜査",
        "service": r"サービス|アプリ|事業|サイト|プラットフォーム|アクセス|市場",
        "content": r"コンテンツ|投稿|アカウント|動画|メッセージ",
        "law": r"法|法律|法案|条例",
    },
    "ko": {
        "data": r"데이터|정보|요청|당국|경찰|수사",
        "service": r"서비스|앱|사업|사이트|플랫폼|접속|시장",
        "content": r"콘텐츠|게시물|계정|동영상|메시지",
        "law": r"법|법안|법률|조례",
    },
}

# Words just before an action that deny it or make it not (yet) happen: not an event.
NEGATION_BEFORE = {
    "en": r"not|never|n't|no longer|neither|nor|yet to|failed to|refused to",
    "fr": r"ne|n'|n’|pas|jamais|non",
    "de": r"nicht|kein\w*|nie",
    "es": r"no|nunca|ni",
    "it": r"non|mai|né",
    "pt": r"não|nunca|nem",
    "ru": r"не|ни",
    "tr": r"değil",
    "ar": r"لم|لا|لن|ما",
    "zh": r"不|没有|沒有|未|没|沒|尚未",
    "ja": r"未",
    "ko": r"안",
}
NEGATION_AFTER = {
    "ja": r"(?:し|され)?(?:ない|なかった|ず)",
    "ko": r"(?:하|되)?지 않",
    "de": r"(?:\w+ ){0,3}nicht\b",
}
HEDGES = {
    "en": r"may|might|could|would|should|plans?|planned|planning|threaten(?:s|ed|ing)?|propos(?:e|es|ed|al|ing)|consider(?:s|ed|ing)?|expected|likely|if|whether|unless|seeks?|seeking|sought|aims?|aiming|wants?|intends?|hopes?|set to|due to|asked to|urged|tried|tries|trying|attempt(?:s|ed|ing)?|seek",
    "fr": r"pourrai\w*|devrai\w*|pourra|pourront|devra|devront|va|vont|envisag\w*|menac\w*|si|souhait\w*|veut|voudrai\w*|prévoit|projette",
    "de": r"könnte\w*|sollte\w*|würde\w*|will|wollen|plant\w*|erwägt|droht\w*|falls|wenn|ob",
    "es": r"podría\w*|debería\w*|podrá|podrán|deberá|deberán|va a|van a|planea\w*|propon\w*|amenaz\w*|si|estudia|considera|quiere",
    "it": r"potrebbe\w*|dovrebbe\w*|potrà|potranno|dovrà|dovranno|intende|minaccia\w*|se|valuta|vuole",
    "pt": r"poderia\w*|deveria\w*|poderá|poderão|deverá|deverão|vai|vão|planeja|propõe|ameaç\w*|se|avalia|quer",
    "ru": r"может|могут|мог\w*|планиру\w*|собира\w*|угрожа\w*|если|намерен\w*|хочет",
    "tr": r"olabilir|planlıyor|eğer|düşünüyor",
    "ar": r"قد|يعتزم|تعتزم|يخطط|تخطط|إذا|يدرس|تدرس|هدد|هددت",
    "zh": r"可能|将|將|计划|計劃|拟|擬|考虑|考慮|如果|若|威胁|威脅|打算",
    "ja": r"方針|予定|検討|可能性|見通し|場合",
    "ko": r"계획|예정|검토|가능성|방침|경우",
}

# Words that start a sentence or join names without being names: "The", "Moreover", "Die".
FUNCTION_WORDS = {
    "en": "the a an this that these those it its their his her our we they he she i you in on at for "
    "but and or as after before moreover besides however meanwhile according apart among while when "
    "since although though some many other others also then thus there here what which who why how "
    "if once still even just last next such both each every all any no yes not so because "
    "despite during under over from by with without into about against between until unless "
    "earlier later already previously recently yesterday today now instead still",
    "fr": "le la les l un une des du de d ce cet cette ces il elle ils elles on nous vous et ou mais "
    "donc or ni car selon après avant depuis pendant lors dans en sur par pour avec sans est sont qui "
    "que au aux été ont leur leurs",
    "de": "der die das den dem des ein eine einen einem einer eines er sie es wir ihr und oder aber "
    "doch nach vor seit während im am zum zur in an auf für mit ohne durch gegen laut wie auch "
    "bereits zudem außerdem jedoch dennoch bisher zuvor damals heute gestern nun jetzt inzwischen "
    "später zuletzt erst schon noch bislang dabei daher deshalb danach",
    "es": "el la los las un una unos unas lo al del de y o pero según tras antes después desde "
    "durante en con sin por para sobre este esta estos estas ese esa",
    "it": "il lo la i gli le un uno una del della dei degli delle di e o ma secondo dopo prima da "
    "durante in con senza per su questo questa",
    "pt": "o a os as um uma uns umas do da dos das de e ou mas segundo após depois antes desde "
    "durante em com sem por para sobre este esta",
    "ru": "и в во на по с со из за от до для но или а о об это этот эта эти",
    "tr": "ve ile bir bu şu o da de ama ancak göre sonra önce için olarak gibi daha çok",
}

# Words that start a new clause: a name before one is not the subject of a verb after it
# ("ExpressVPN withdrew …, after the government ordered …").
CLAUSE_BREAKS = {
    "en": r"after|before|when|while|because|since|although|though|which|who|whereas|until|once|if|as|but",
    "fr": r"après que|quand|lorsque|parce que|alors que|qui|car|mais|tandis que",
    "de": r"nachdem|weil|während|dass|obwohl|aber|sondern",
    "es": r"después de que|cuando|porque|mientras|que|pero|aunque",
    "it": r"dopo che|quando|perché|mentre|che|ma|anche se",
    "pt": r"depois que|quando|porque|enquanto|que|mas|embora",
    "ru": r"после того как|когда|потому что|который|которая|которые|но|хотя",
}
DETERMINERS = {
    "en": "the a an its their his her this that these those our any no",
    "fr": "le la les un une son sa ses leur leurs ce cette",
    "es": "el la los las un una su sus este esta",
    "it": "il lo la i gli le un uno una suo sua",
    "pt": "o a os as um uma seu sua",
}
PRONOUN_OBJECTS = {"en": r"\b(?:it|the measure)\b", "fr": r"\bl[ae]?['’ ]", "es": r"\bla (?:firmó|promulgó)"}


@cache
def clause_break(language: str) -> re.Pattern:
    words = CLAUSE_BREAKS.get(language)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)


@cache
def determiners(language: str) -> frozenset:
    return frozenset(DETERMINERS.get(language, "").split())


@cache
def pronoun_object(language: str) -> re.Pattern:
    return re.compile(PRONOUN_OBJECTS.get(language, r"(?!x)x"), re.IGNORECASE)


# A name right after one of these is an object or a place, not who acts ("suspended its service in
# Freedonia"); the passive "by" is read apart.
PREPOSITIONS = {
    "en": "in at from to for with of on into across against over under about within throughout via",
    "fr": "à au aux en dans de du des sur pour avec contre chez envers",
    "de": "in im am an auf aus bei mit nach von vom zu zum zur für gegen über",
    "es": "en a al de del con para por sobre contra hacia",
    "it": "in a al di da con per su nel nella del della dal dalla contro",
    "pt": "em no na nos nas de do da dos das com para por sobre contra",
    "ru": "в во на с со из от к по о об для против при",
    "tr": "",
}


@cache
def prepositions(language: str) -> frozenset:
    return frozenset(PREPOSITIONS.get(language, "").split())


# Nouns of bodies that act, after a capitalized qualifier ("the Chinese parliament"), and the
# organization kind they give.
BODIES = {
    "en": {
        "legislature": "parliament|legislature|congress|senate|national assembly|assembly|lawmakers",
        "government": "government|cabinet|ministry|administration|authorities|police|president|state council",
        "court": "court|supreme court|high court|tribunal|judge",
        "regulator": "regulator|regulators|commission|authority|agency|watchdog|data protection authority",
    },
}

# CJK bodies at the start of a sentence or clause, by the noun that ends their name: "全国人大常委会…".
CJK_BODIES = {
    "zh": {
        "legislature": "常委会|常委會|委员会|委員會|议会|議會|立法会|立法會|国会|國會|人大",
        "government": "政府|国务院|國務院|部|局|署|办公室|辦公室",
        "court": "法院|法庭",
        "company": "公司|集团|集團",
    },
    "ja": {
        "legislature": "国会|議会|委員会",
        "government": "政府|省|庁|内閣",
        "court": "裁判所",
        "company": "株式会社|社",
    },
    "ko": {
        "legislature": "국회|위원회",
        "government": "정부|부|청",
        "court": "법원",
        "company": "회사",
    },
}


@cache
def cjk_bodies(language: str) -> re.Pattern:
    table = CJK_BODIES.get(language, {})
    nouns = "|".join(f"(?P<{kind}>{words})" for kind, words in table.items()) or "(?!x)x"
    return re.compile(
        rf"(?:^|(?<=[。！？\n，、,]))\s*(?P<name>[^\s\d，。、「」『』（）()]{{0,12}}?(?:{nouns}))"
    )


LAW_NAMES = {
    # A law named with capitals ("Online Safety Act") or a few lower-case words before the law
    # noun ("national security law"); generic references ("the new law") are found apart.
    "en": (
        r"(?:[A-Z][\w’'-]*(?:\s+(?:of|on|for|and|the|to|\(\w+\))?\s*[A-Z][\w’'-]*){0,7}\s+"
        r"(?:Act|Law|Bill|Ordinance|Regulation|Directive|Code|Decree|Statute)(?:\s+(?:of\s+)?\d{4})?)"
        r"|(?:(?<=\bthe )|(?<=\bits )|(?<=\bnew )|(?<=\ba )|(?<=\ban ))(?!new\b)(?:(?:[a-z][a-z-]+\s+){1,3}(?:law|act|bill|ordinance|regulation)"
        r"(?![\w-]|\s+enforcement))"
    ),
    "fr": r"(?:loi|projet de loi|décret|règlement)\s+(?:(?:n°\s*[\d-]+|dite?|sur|relative?\s+à|pour|contre|de|du|des|la|le|l'|l’)\s*)+(?:[^\W\d_][\w’'-]*\s*){1,5}",
    "de": r"[A-ZÄÖÜ][\w-]*(?:gesetz|Gesetz|verordnung|Verordnung)\b|(?:Gesetz|Verordnung)\s+(?:über|zur|zum|gegen)\s+(?:[\w-]+\s*){1,4}",
    "es": r"(?:ley|proyecto de ley|decreto|reglamento)\s+(?:(?:de|del|sobre|contra|para|la|el|orgánica|general)\s+)+(?:[^\W\d_][\w-]*\s*){1,4}",
    "it": r"(?:legge|decreto|regolamento)\s+(?:(?:sulla|sul|sui|sugli|sulle|contro|per|di|del|della)\s+)+(?:[^\W\d_][\w-]*\s*){1,4}",
    "pt": r"(?:lei|projeto de lei|decreto|regulamento|medida provisória)\s+(?:(?:de|do|da|dos|das|sobre|contra|geral)\s+)+(?:[^\W\d_][\w-]*\s*){1,4}",
    "ru": r"закон\w*\s+(?:о|об|«)\s*[\w\s-]{3,60}?(?=[»,.;]|\s+(?:был|была|вступ|принят|подписан))",
    "tr": r"(?:[A-ZÇĞİÖŞÜ][\w-]*\s+){1,5}(?:Kanunu|Yasası)",
    "ar": r"قانون\s+(?:[\w]+\s*){1,4}",
    "zh": r"《[^》]{2,40}》|[\u4e00-\u9fff]{2,12}(?:法|条例|條例|法案)(?![\u4e00-\u9fff])",
    "ja": r"「[^」]{2,40}」|[\u4e00-\u9fff\u30a0-\u30ff]{2,12}(?:法|法案|条例)",
    "ko": r"[\uac00-\ud7af]{2,12}(?:법|법안|조례)",
}
# A reference to a law already named: "the new law", "the bill", "la loi", "das Gesetz".
LAW_REFERENCES = {
    "en": r"\b(?:the|this|that)\s+(?:new\s+|controversial\s+|proposed\s+)?(?:law|act|bill|legislation)\b",
    "fr": r"\b(?:la|cette)\s+(?:nouvelle\s+)?loi\b",
    "de": r"\b(?:das|dieses)\s+(?:neue\s+)?Gesetz\b",
    "es": r"\b(?:la|esta)\s+(?:nueva\s+)?ley\b",
    "it": r"\b(?:la|questa)\s+(?:nuova\s+)?legge\b",
    "pt": r"\b(?:a|esta)\s+(?:nova\s+)?lei\b",
    "ru": r"\b(?:этот\s+|новый\s+)?закон\w*\b",
    "tr": r"\b(?:yasa|kanun)\w*",
    "ar": r"القانون",
    "zh": r"该法|該法|此法|新法|这项法律|這項法律",
    "ja": r"同法|この法律|新法",
    "ko": r"이 법|해당 법|새 법",
}

# Count words, 1 to 10 in order (alternatives for one value joined by "/"), and vague counts.
_COUNTS = {
    "en": "a/an/one two three four five six seven eight nine ten",
    "fr": "un/une deux trois quatre cinq six sept huit neuf dix",
    "de": "ein/eine/einen/einem/einer zwei drei vier fünf sechs sieben acht neun zehn",
    "es": "un/una/uno dos tres cuatro cinco seis siete ocho nueve diez",
    "it": "un/una/uno due tre quattro cinque sei sette otto nove dieci",
    "pt": "um/uma dois/duas três quatro cinco seis sete oito nove dez",
    "ru": "один/одну/одна два/две три четыре пять шесть семь восемь девять десять",
}
_VAGUE_COUNTS = {
    "en": "few several",
    "fr": "quelques",
    "de": "paar wenige",
    "es": "unos",
    "it": "alcuni",
    "pt": "alguns",
    "ru": "несколько",
}
NUMBER_VALUES = {
    word: value
    for counts in _COUNTS.values()
    for value, alternatives in enumerate(counts.split(), start=1)
    for word in alternatives.split("/")
}
VAGUE_COUNT_WORDS = frozenset(word for words in _VAGUE_COUNTS.values() for word in words.split())
_NUMBERS = {
    language: " ".join(counts.replace("/", " ").split() + _VAGUE_COUNTS[language].split())
    for language, counts in _COUNTS.items()
}

# "<count> <unit> after|before <event>" and "the day after <event>": unit -> days.
ANCHORS = {
    "en": r"(?P<count>\d+|{n})\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>after|before|later|earlier)|(?P<the>the\s+(?P<unit2>day|week|month))\s+(?P<dir2>after|before)|(?P<the3>the\s+(?:next|following)\s+(?P<unit3>day))",
    "fr": r"(?P<count>\d+|{n})\s+(?P<unit>jours?|semaines?|mois|ans|années?)\s+(?P<dir>après|avant|plus tard)|(?P<the>le\s+lendemain)(?P<dir2>\s+de)?",
    "de": r"(?P<count>\d+|{n})\s+(?P<unit>Tage?n?|Wochen?|Monate?n?|Jahre?n?)\s+(?P<dir>nach|vor|später)|(?P<the3>am\s+(?:nächsten|folgenden)\s+(?P<unit3>Tag))",
    "es": r"(?P<count>\d+|{n})\s+(?P<unit>días?|semanas?|mes|meses|años?)\s+(?P<dir>después de|antes de|tras)",
    "it": r"(?P<count>\d+|{n})\s+(?P<unit>giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+(?P<dir>dopo|prima)",
    "pt": r"(?P<count>\d+|{n})\s+(?P<unit>dias?|semanas?|mês|meses|anos?)\s+(?P<dir>depois de|após|antes de)",
    "ru": r"(?:через\s+|спустя\s+)?(?P<count>\d+|{n})?\s*(?P<unit>день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)\s+(?P<dir>после|до)",
}
UNIT_DAYS = {
    "day": 1,
    "week": 7,
    "month": 30,
    "year": 365,
    "jour": 1,
    "semaine": 7,
    "mois": 30,
    "an": 365,
    "année": 365,
    "tag": 1,
    "woche": 7,
    "monat": 30,
    "jahr": 365,
    "día": 1,
    "semana": 7,
    "mes": 30,
    "año": 365,
    "giorn": 1,
    "settiman": 7,
    "ann": 365,
    "dia": 1,
    "mês": 30,
    "ano": 365,
    "ден": 1,
    "дн": 1,
    "недел": 7,
    "месяц": 30,
    "год": 365,
    "лет": 365,
    "lendemain": 1,
}
BEFORE_WORDS = frozenset({"before", "avant", "vor", "antes de", "prima", "до", "earlier"})
# Anchors without an event after them count from the date before them: "a week later".
LATER_WORDS = frozenset({"later", "earlier", "plus tard", "später", "", "lendemain"})


def unit_days(unit: str) -> int:
    unit = unit.lower()
    for stem in sorted(UNIT_DAYS, key=len, reverse=True):
        if unit.startswith(stem):
            return UNIT_DAYS[stem]
    return 1


class Action(NamedTuple):
    pattern: re.Pattern
    action_type: str
    cue: str | None


def _wrap(alternatives: str, language: str) -> str:
    if language in SPACELESS:
        return f"(?:{alternatives})"
    return rf"(?<![\w'’-])(?:{alternatives})(?![\w-])"


@cache
def actions(language: str) -> tuple[Action, ...]:
    table = ACTIONS.get(language) or ACTIONS["en"]
    found = []
    for line in table.strip().splitlines():
        head, alternatives = line.split(": ", 1)
        action_type, _, cue = head.partition(" ")
        flags = 0 if language == "de" else re.IGNORECASE
        found.append(
            Action(re.compile(_wrap(alternatives, language), flags), action_type, cue.strip("[]") or None)
        )
    return tuple(found)


@cache
def cue(language: str, name: str) -> re.Pattern:
    pattern = (CUES.get(language) or CUES["en"])[name]
    return re.compile(_wrap(pattern, language), 0 if language == "de" else re.IGNORECASE)


@cache
def negation_before(language: str) -> re.Pattern:
    words = NEGATION_BEFORE.get(language, NEGATION_BEFORE["en"])
    if language in SPACELESS:
        return re.compile(rf"(?:{words})\s*$")
    return re.compile(rf"(?<![\w])(?:{words})(?:\s+[\w’'-]+){{0,2}}\s*$", re.IGNORECASE)


@cache
def negation_after(language: str) -> re.Pattern | None:
    words = NEGATION_AFTER.get(language)
    return re.compile(rf"^\s*(?:{words})") if words else None


@cache
def hedge_before(language: str) -> re.Pattern:
    words = HEDGES.get(language, HEDGES["en"])
    if language in SPACELESS:
        return re.compile(rf"(?:{words})[^，。,]{{0,6}}$")
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])(?:\s+[\w’'-]+){{0,3}}\s*$", re.IGNORECASE)


# The modal words of the hedges, single words only: a hedge between a subject and its verb.
_MODALS = {
    "en": "may might could would should",
    "fr": "pourrait pourraient devrait devraient pourra pourront devra devront",
    "de": "könnte könnten sollte sollten würde würden soll sollen muss müssen",
    "es": "podría podrían debería deberían podrá podrán deberá deberán",
    "it": "potrebbe potrebbero dovrebbe dovrebbero potrà potranno dovrà dovranno",
    "pt": "poderia poderiam deveria deveriam poderá poderão deverá deverão",
    "ru": "может могут мог могла могли",
}
_NEGATIONS = {
    "en": "not never no neither nor",
    "fr": "ne pas jamais",
    "de": "nicht nie kein keine",
    "es": "no nunca",
    "it": "non mai",
    "pt": "não nunca",
    "ru": "не",
}
PASSIVE_AUXILIARIES = {
    "en": r"\b(?:was|were|is|are|been|be|being|got|gets)\s+(?:\w+\s+)?$",
    "fr": r"\b(?:a été|ont été|est|sont|fut|furent|été)\s+(?:\w+\s+)?$",
    "de": r"\b(?:wurde|wurden|worden|ist|sind)\b",
    "es": r"\b(?:fue|fueron|ha sido|han sido|es|son)\s+(?:\w+\s+)?$",
    "it": r"(?:è stat[oa]|sono stat[ie]|fu|furono|stat[oaie])\s+(?:\w+\s+)?$",
    "pt": r"\b(?:foi|foram|é|são|sido)\s+(?:\w+\s+)?$",
}


@cache
def hedge_words(language: str) -> frozenset:
    return frozenset(_MODALS.get(language, "").split())


@cache
def negation_words(language: str) -> frozenset:
    return frozenset(_NEGATIONS.get(language, "").split())


@cache
def passive_auxiliary(language: str) -> re.Pattern:
    return re.compile(PASSIVE_AUXILIARIES.get(language, r"(?!x)x"), re.IGNORECASE)


@cache
def function_words(language: str) -> frozenset:
    return frozenset((FUNCTION_WORDS.get(language, "") + " " + FUNCTION_WORDS["en"]).split())


@cache
def bodies(language: str) -> tuple[tuple[re.Pattern, str], ...]:
    table = BODIES.get(language, {})
    return tuple(
        (re.compile(rf"(?<![\w])(?:{nouns})(?![\w])", re.IGNORECASE), kind) for kind, nouns in table.items()
    )


@cache
def law_names(language: str) -> re.Pattern:
    return re.compile(LAW_NAMES.get(language, LAW_NAMES["en"]))


@cache
def law_references(language: str) -> re.Pattern:
    return re.compile(LAW_REFERENCES.get(language, LAW_REFERENCES["en"]), re.IGNORECASE)


@cache
def anchors(language: str) -> re.Pattern | None:
    pattern = ANCHORS.get(language)
    if pattern is None:
        return None
    numbers = "|".join(sorted(_NUMBERS[language].split(), key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{pattern.replace('{n}', numbers)})(?![\w])", re.IGNORECASE)
