import RaayaCore

/// The languages of the pages.
enum Language: String, CaseIterable, Codable, Sendable {
    case ar, en

    var direction: String { self == .ar ? "rtl" : "ltr" }
    var other: Language { self == .ar ? .en : .ar }

    /// `ar`, `ar-SA`, `en-GB`… as a page language; nil for anything else.
    init?(tag: String?) {
        guard let base = tag?.lowercased().split(separator: "-").first, let language = Language(rawValue: String(base))
        else { return nil }
        self = language
    }
}

/// Every text the pages show, in Arabic and English. A phrase is a case, and each language's text is a
/// `switch` over all of them, so a page cannot use a phrase that lacks a translation: it would not compile.
enum Phrase: String, CaseIterable, Sendable {
    case appName, signIn, signOut, email, password, signInTitle, wrongPassword, lockedOut, switchLanguage
    case inbox, myOpen, unassigned, allNew, pending, recentlySolved, noTickets, tickets, search, searchPlaceholder
    case subject, customer, status, priority, channel, group, assignee, updated, created, nobody, noGroup
    case conversation, reply, internalNote, send, publicReply, internalBadge, showQuoted
    case ticketDetails, save, changesSaved, replySent, notFound, forbidden, badRequest, csrfFailed
    case liveChats, waitingSince, overdue, noWaitingChats, next, backToInbox, customerPanel
    case identities, pastTickets, events, system, bot, agentRole, customerRole
    case keyboardHint, typing, notes, addNote, organization, filter, any, noNotes, language
    case helpCenter, submitRequest, yourName, yourEmail, describe, attachment, requestReceived, requestReceivedDetail
    case myRequests, portalSignIn, portalSignInHelp, linkSent, linkInvalid, sendLink, noRequests, writeReply
    case tagsField, alsoViewing, alsoTyping, ticketChanged, reload, tag, sortBy, lastActivity, oldestFirst
    case admin, users, groups, mailboxes, chatSettings, macros, appearance, name, role, tier, addUser, addGroup, addMailbox, address, signature, chatEnabled, waitAlert, calendar, alwaysOpen, addMacro, macroTitle, macroBody, placeholdersHelp, setStatus, unchanged, addTags, asInternal, delete, applyMacro, apply, macroApplied, merge, mergeInto, merged, businessNameArabic, businessNameEnglish, accentColor, logo, removeLogo, languagesOffered, defaultLanguage, noGroups
    case editDetails, addEmail, addPhone, customers, noCustomers, noteHistory
    case articles, searchArticles, noArticles, thanksForFeedback, wasHelpful, yes, no, relatedArticles, stillNeedHelp
    case stillNeedHelpDetail, fromArticle, knowledgeBase, newArticle, articleState, category, titleArabic, bodyArabic
    case titleEnglish, bodyEnglish, markdownHelp, suggestedArticles, synonyms, synonymsHelp, noCategory, otherArticles
    case draftReply, draftWritten, draftFailed
    case solvedQuestion, solvedConfirm, solvedDone, solvedAlready, sentimentTrend, sentiment, automaticRules, raiseOnNegative
    case periodDay, periodWeek, periodFortnight, periodMonth
    case surveyTitle, surveyRecorded, surveyThanks, surveyPickScore, surveyYourRating, surveyComment, surveyLocked, surveyExpired, satisfaction, csatFigure, npsFigure, cesFigure, responseRate, answersCount, promoters, passives, detractors, negativeThemes, recentComments, closeLoop, closeLoopHelp, markDone, noData, fromDate, toDate, period, show
    case reports, newTickets, vsPrevious, firstResponseMedian, resolutionMedian, reopenRate, firstContactResolution, backlog, volumeByChannel, timesInHours, firstResponse, resolution, csatTrend, customerSentiment, sentimentAtOpening, sentimentNow, agentsTable, solvedCount, capacity, peakAgentsNeeded, averageHandleTime, agentsAvailable, emailBacklogProjection, daysToClear, never, arrivalsPerDay, resolutionsPerDay, selfService, botSolved, botHandedOff, selfServiceSolvedCount, articleViews, helpfulVotes, downloadCSV, hoursShort
    case goals, addGoal, goalMetric, goalTarget, goalStart, goalDeadline, goalValue, goalAdded, percentSign, goalTargetHelp
    case surveys, addSurvey, addSurveyHelp, surveyKind, off, surveyEnabled, questionArabic, questionEnglish, scaleDirection, lowIsEasy, highIsEasy, sendOnSolve, delayMinutes, throttleDays, includeSelfService, includeMerged

    func text(_ language: Language) -> String {
        switch language {
        case .ar: arabic
        case .en: english
        }
    }

    private var arabic: String {
        switch self {
        case .appName: "رعاية"
        case .signIn: "تسجيل الدخول"
        case .signOut: "تسجيل الخروج"
        case .email: "البريد الإلكتروني"
        case .password: "كلمة المرور"
        case .signInTitle: "الدخول إلى مساحة العمل"
        case .wrongPassword: "البريد الإلكتروني أو كلمة المرور غير صحيحة"
        case .lockedOut: "محاولات كثيرة خاطئة؛ حاول بعد قليل"
        case .switchLanguage: "English"
        case .inbox: "صندوق التذاكر"
        case .myOpen: "تذاكري المفتوحة"
        case .unassigned: "غير المسندة في مجموعاتي"
        case .allNew: "كل الجديدة"
        case .pending: "بانتظار العميل"
        case .recentlySolved: "المحلولة مؤخراً"
        case .noTickets: "لا توجد تذاكر هنا"
        case .tickets: "التذاكر"
        case .search: "بحث"
        case .searchPlaceholder: "ابحث في التذاكر والعملاء"
        case .subject: "الموضوع"
        case .customer: "العميل"
        case .status: "الحالة"
        case .priority: "الأولوية"
        case .channel: "القناة"
        case .group: "المجموعة"
        case .assignee: "المسؤول"
        case .updated: "آخر نشاط"
        case .created: "أُنشئت"
        case .nobody: "لا أحد"
        case .noGroup: "بلا مجموعة"
        case .conversation: "المحادثة"
        case .reply: "الرد"
        case .internalNote: "ملاحظة داخلية"
        case .send: "إرسال"
        case .publicReply: "رد للعميل"
        case .internalBadge: "داخلية"
        case .showQuoted: "إظهار النص المقتبس والتوقيع"
        case .ticketDetails: "تفاصيل التذكرة"
        case .save: "حفظ"
        case .changesSaved: "حُفظت التغييرات"
        case .replySent: "أُرسل الرد"
        case .notFound: "الصفحة غير موجودة أو لا تملك صلاحية رؤيتها"
        case .forbidden: "لا تملك صلاحية هذا الإجراء"
        case .badRequest: "تعذّر قبول الطلب"
        case .csrfFailed: "انتهت صلاحية النموذج؛ أعد تحميل الصفحة وحاول مجدداً"
        case .liveChats: "المحادثات المباشرة"
        case .waitingSince: "ينتظر منذ"
        case .overdue: "تأخر الرد"
        case .noWaitingChats: "لا محادثات تنتظر"
        case .next: "التالي"
        case .backToInbox: "العودة إلى الصندوق"
        case .customerPanel: "بيانات العميل"
        case .identities: "وسائل التواصل"
        case .pastTickets: "تذاكر سابقة"
        case .events: "سجل التغييرات"
        case .system: "النظام"
        case .bot: "المساعد الآلي"
        case .agentRole: "موظف"
        case .customerRole: "عميل"
        case .keyboardHint: "j / k للتنقل، Enter للفتح"
        case .typing: "العميل يكتب الآن…"
        case .alsoViewing: "{name} يشاهد هذه التذكرة أيضاً"
        case .alsoTyping: "{name} يكتب رداً الآن"
        case .ticketChanged: "تغيّرت هذه التذكرة للتو."
        case .reload: "إعادة التحميل"
        case .tag: "الوسم"
        case .sortBy: "الترتيب"
        case .lastActivity: "آخر نشاط"
        case .oldestFirst: "الأقدم أولاً"
        case .admin: "الإدارة"
        case .users: "المستخدمون"
        case .groups: "المجموعات"
        case .mailboxes: "صناديق البريد"
        case .chatSettings: "إعدادات المحادثة"
        case .macros: "الردود الجاهزة"
        case .appearance: "الهوية واللغات"
        case .name: "الاسم"
        case .role: "الدور"
        case .tier: "المستوى"
        case .addUser: "إضافة مستخدم"
        case .addGroup: "إضافة مجموعة"
        case .addMailbox: "إضافة صندوق بريد"
        case .address: "العنوان"
        case .signature: "التوقيع"
        case .chatEnabled: "المحادثة المباشرة مفعّلة"
        case .waitAlert: "تنبيه الانتظار بعد (بالثواني)"
        case .calendar: "تقويم العمل"
        case .alwaysOpen: "دائماً (بلا تقويم)"
        case .addMacro: "إضافة رد جاهز"
        case .macroTitle: "اسم الرد"
        case .macroBody: "نص الرد"
        case .placeholdersHelp: "يمكن أن يتضمن النص:"
        case .setStatus: "تغيير الحالة إلى"
        case .unchanged: "دون تغيير"
        case .addTags: "إضافة وسوم"
        case .asInternal: "كملاحظة داخلية"
        case .delete: "حذف"
        case .applyMacro: "رد جاهز"
        case .apply: "تطبيق"
        case .macroApplied: "طُبّق الرد الجاهز"
        case .merge: "دمج"
        case .mergeInto: "دمج هذه التذكرة في التذكرة رقم"
        case .merged: "دُمجت التذكرة"
        case .businessNameArabic: "اسم الجهة بالعربية"
        case .businessNameEnglish: "اسم الجهة بالإنجليزية"
        case .accentColor: "اللون الأساسي"
        case .logo: "الشعار"
        case .removeLogo: "إزالة الشعار"
        case .languagesOffered: "اللغات المتاحة"
        case .defaultLanguage: "اللغة الافتراضية"
        case .noGroups: "لا توجد مجموعات بعد."
        case .editDetails: "تعديل البيانات"
        case .addEmail: "إضافة بريد إلكتروني"
        case .addPhone: "إضافة رقم هاتف"
        case .customers: "العملاء"
        case .noCustomers: "لا يوجد عملاء مطابقون."
        case .noteHistory: "ملاحظات الفريق"
        case .articles: "المقالات"
        case .searchArticles: "ابحث في المقالات"
        case .noArticles: "لم نجد مقالاً يجيب عن سؤالك."
        case .thanksForFeedback: "شكراً لك، رأيك يساعدنا على تحسين المقالات."
        case .wasHelpful: "هل أفادك هذا المقال؟"
        case .yes: "نعم"
        case .no: "لا"
        case .relatedArticles: "مقالات ذات صلة"
        case .stillNeedHelp: "ما زلت بحاجة إلى مساعدة؟"
        case .stillNeedHelpDetail: "أرسل طلبك وسيصل إلى فريقنا مع هذا المقال، فلا تحتاج إلى شرح ما قرأته."
        case .fromArticle: "بخصوص المقال"
        case .knowledgeBase: "قاعدة المعرفة"
        case .newArticle: "مقال جديد"
        case .articleState: "حالة النشر"
        case .category: "التصنيف"
        case .titleArabic: "العنوان بالعربية"
        case .bodyArabic: "النص بالعربية"
        case .titleEnglish: "العنوان بالإنجليزية"
        case .bodyEnglish: "النص بالإنجليزية"
        case .markdownHelp: "يُكتب النص بصيغة ماركداون: **غامق**، *مائل*، [رابط](/help)، وقوائم تبدأ بـ - أو 1."
        case .suggestedArticles: "مقالات مقترحة"
        case .draftReply: "اكتب مسودة رد من هذه المقالات"
        case .draftWritten: "في خانة الرد مسودة مكتوبة من المقالات المقترحة: راجعها وعدّلها قبل الإرسال."
        case .draftFailed: "تعذّرت كتابة مسودة الرد."
        case .synonyms: "المترادفات في البحث"
        case .noCategory: "بلا تصنيف"
        case .otherArticles: "مقالات أخرى"
        case .synonymsHelp: "مجموعة في كل سطر، كلماتها مفصولة بفواصل، بأي لغة: فاتورة، invoice، bill"
        case .notes: "ملاحظات"
        case .addNote: "إضافة ملاحظة"
        case .organization: "المؤسسة"
        case .filter: "تصفية"
        case .any: "الكل"
        case .noNotes: "لا ملاحظات بعد"
        case .language: "اللغة"
        case .helpCenter: "مركز المساعدة"
        case .submitRequest: "أرسل طلباً"
        case .yourName: "اسمك"
        case .yourEmail: "بريدك الإلكتروني"
        case .describe: "اشرح طلبك"
        case .attachment: "مرفق (اختياري)"
        case .requestReceived: "استلمنا طلبك"
        case .solvedQuestion: "هل حلّ هذا المقال مشكلتك؟ إن كان كذلك فسنغلق طلبك."
        case .solvedConfirm: "نعم، حُلّت مشكلتي — أغلقوا الطلب"
        case .solvedDone: "أغلقنا طلبك. يسعدنا أنك وجدت الإجابة! إن احتجت شيئاً آخر فردّ على رسالتنا."
        case .solvedAlready: "هذا الطلب مغلق بالفعل."
        case .sentimentTrend: "مشاعر رسائل العميل (من الأقدم)"
        case .sentiment: "المشاعر"
        case .automaticRules: "القواعد التلقائية"
        case .raiseOnNegative: "ارفع أولوية التذكرة إلى «عالية» عندما يكتب العميل رسالة سلبية بشدة"
        case .requestReceivedDetail: "أرسلنا إلى بريدك تأكيداً برقم الطلب، وسنرد عليك قريباً."
        case .myRequests: "طلباتي"
        case .portalSignIn: "متابعة طلباتي"
        case .portalSignInHelp: "أدخل بريدك الإلكتروني وسنرسل إليك رابط دخول صالحاً لمرة واحدة."
        case .linkSent: "إن كان بريدك معروفاً لدينا فستصلك رسالة فيها رابط الدخول."
        case .linkInvalid: "الرابط غير صالح أو انتهت صلاحيته أو استُخدم من قبل"
        case .sendLink: "أرسل الرابط"
        case .noRequests: "لا طلبات بعد"
        case .writeReply: "اكتب ردك"
        case .tagsField: "الوسوم (مفصولة بفواصل)"
        case .periodDay: "يوم"
        case .periodWeek: "أسبوع"
        case .periodFortnight: "نصف شهر"
        case .periodMonth: "شهر"
        case .surveyTitle: "رأيك يهمنا"
        case .surveyRecorded: "سجّلنا تقييمك، شكراً! يمكنك تغييره أو إضافة تعليق خلال ٢٤ ساعة."
        case .surveyThanks: "شكراً لك! وصلنا رأيك، وسنستفيد منه."
        case .surveyPickScore: "اختر تقييماً أولاً."
        case .surveyYourRating: "تقييمك"
        case .surveyComment: "هل تود إخبارنا بالمزيد؟ (اختياري)"
        case .surveyLocked: "سبق أن أجبت عن هذا الاستبيان، ولم يعد تغيير الإجابة ممكناً. شكراً لك!"
        case .surveyExpired: "انتهت صلاحية هذا الاستبيان."
        case .satisfaction: "الرضا"
        case .csatFigure: "رضا العملاء (CSAT)"
        case .npsFigure: "صافي نقاط الترويج (NPS)"
        case .cesFigure: "سهولة الحل (CES، ١ = سهل جداً)"
        case .responseRate: "نسبة الاستجابة"
        case .answersCount: "عدد الإجابات"
        case .promoters: "المروّجون"
        case .passives: "المحايدون"
        case .detractors: "المنتقدون"
        case .negativeThemes: "أكثر ما يذكره العملاء غير الراضين"
        case .recentComments: "أحدث التعليقات"
        case .closeLoop: "تواصل مع عملاء غير راضين"
        case .closeLoopHelp: "أعطى هؤلاء العملاء تقييماً منخفضاً: تواصل معهم ثم علّم المهمة منجزة."
        case .markDone: "تم التواصل"
        case .noData: "لا توجد بيانات بعد"
        case .fromDate: "من"
        case .toDate: "إلى"
        case .period: "الفترة"
        case .show: "اعرض"
        case .reports: "التقارير"
        case .newTickets: "تذاكر جديدة"
        case .vsPrevious: "مقارنة بالفترة السابقة"
        case .firstResponseMedian: "وسيط زمن الرد الأول"
        case .resolutionMedian: "وسيط زمن الحل"
        case .reopenRate: "نسبة إعادة الفتح"
        case .firstContactResolution: "الحل من أول تواصل"
        case .backlog: "التذاكر المتراكمة"
        case .volumeByChannel: "التذاكر الجديدة حسب القناة"
        case .timesInHours: "زمن الرد الأول وزمن الحل (الوسيط، بالساعات)"
        case .firstResponse: "الرد الأول"
        case .resolution: "الحل"
        case .csatTrend: "رضا العملاء عبر الوقت (%)"
        case .customerSentiment: "مشاعر العملاء في التذاكر الجديدة"
        case .sentimentAtOpening: "عند فتح التذكرة"
        case .sentimentNow: "الآن"
        case .agentsTable: "أداء الموظفين"
        case .solvedCount: "تذاكر محلولة"
        case .capacity: "السعة مقابل الطلب"
        case .peakAgentsNeeded: "أكبر عدد لازم من الموظفين في ساعة"
        case .averageHandleTime: "متوسط زمن المعالجة"
        case .agentsAvailable: "الموظفون المتاحون"
        case .emailBacklogProjection: "توقع تراكم البريد"
        case .daysToClear: "أيام التصفية"
        case .never: "لا تتناقص"
        case .arrivalsPerDay: "الوارد يومياً"
        case .resolutionsPerDay: "المحلول يومياً"
        case .selfService: "الخدمة الذاتية"
        case .botSolved: "حلّها المساعد الآلي"
        case .botHandedOff: "حوّلها المساعد إلى موظف"
        case .selfServiceSolvedCount: "حلّها العميل بمقالة"
        case .articleViews: "مشاهدات المقالات"
        case .helpfulVotes: "تصويتات «مفيدة»"
        case .downloadCSV: "تنزيل CSV"
        case .hoursShort: "س"
        case .surveys: "الاستبيانات"
        case .addSurvey: "أضف استبياناً"
        case .addSurveyHelp: "يبدأ الاستبيان الجديد متوقفاً بالأسئلة المعتادة: راجعها ثم فعّله."
        case .surveyKind: "النوع"
        case .off: "متوقف"
        case .surveyEnabled: "مفعّل"
        case .questionArabic: "السؤال بالعربية"
        case .questionEnglish: "السؤال بالإنجليزية"
        case .scaleDirection: "اتجاه المقياس"
        case .lowIsEasy: "١ = سهل جداً"
        case .highIsEasy: "٧ = سهل جداً"
        case .sendOnSolve: "يُرسل عند حل التذكرة"
        case .delayMinutes: "بعد (دقائق)"
        case .throttleDays: "لا يُسأل العميل مرة أخرى قبل (أيام)"
        case .includeSelfService: "يشمل الطلبات المحلولة ذاتياً"
        case .includeMerged: "يشمل التذاكر المدموجة"
        case .goals: "الأهداف"
        case .addGoal: "أضف هدفاً"
        case .goalMetric: "المقياس"
        case .goalTarget: "المستهدف"
        case .goalStart: "يبدأ"
        case .goalDeadline: "الموعد النهائي"
        case .goalValue: "القيمة حتى الآن"
        case .goalAdded: "أُضيف الهدف."
        case .percentSign: "٪"
        case .goalTargetHelp: "الأزمنة بالساعات والنسب بالمئة."
        }
    }

    private var english: String {
        switch self {
        case .appName: "Raaya"
        case .signIn: "Sign in"
        case .signOut: "Sign out"
        case .email: "Email"
        case .password: "Password"
        case .signInTitle: "Sign in to the workspace"
        case .wrongPassword: "Wrong email or password"
        case .lockedOut: "Too many failed attempts; try again shortly"
        case .switchLanguage: "العربية"
        case .inbox: "Inbox"
        case .myOpen: "My open tickets"
        case .unassigned: "Unassigned in my groups"
        case .allNew: "All new"
        case .pending: "Pending"
        case .recentlySolved: "Recently solved"
        case .noTickets: "No tickets here"
        case .tickets: "Tickets"
        case .search: "Search"
        case .searchPlaceholder: "Search tickets and customers"
        case .subject: "Subject"
        case .customer: "Customer"
        case .status: "Status"
        case .priority: "Priority"
        case .channel: "Channel"
        case .group: "Group"
        case .assignee: "Assignee"
        case .updated: "Last activity"
        case .created: "Created"
        case .nobody: "Nobody"
        case .noGroup: "No group"
        case .conversation: "Conversation"
        case .reply: "Reply"
        case .internalNote: "Internal note"
        case .send: "Send"
        case .publicReply: "Reply to the customer"
        case .internalBadge: "Internal"
        case .showQuoted: "Show quoted text and signature"
        case .ticketDetails: "Ticket details"
        case .save: "Save"
        case .changesSaved: "Changes saved"
        case .replySent: "Reply sent"
        case .notFound: "Not found, or not yours to see"
        case .forbidden: "You may not do this"
        case .badRequest: "The request could not be accepted"
        case .csrfFailed: "This form has expired; reload the page and try again"
        case .liveChats: "Live chats"
        case .waitingSince: "Waiting since"
        case .overdue: "Overdue"
        case .noWaitingChats: "No chat is waiting"
        case .next: "Next"
        case .backToInbox: "Back to the inbox"
        case .customerPanel: "Customer"
        case .identities: "Contact details"
        case .pastTickets: "Other tickets"
        case .events: "Audit trail"
        case .system: "System"
        case .bot: "Bot"
        case .agentRole: "Agent"
        case .customerRole: "Customer"
        case .keyboardHint: "j / k to move, Enter to open"
        case .typing: "The customer is typing…"
        case .alsoViewing: "{name} is also viewing this ticket"
        case .alsoTyping: "{name} is typing a reply"
        case .ticketChanged: "This ticket was just changed."
        case .reload: "Reload"
        case .tag: "Tag"
        case .sortBy: "Sort by"
        case .lastActivity: "Last activity"
        case .oldestFirst: "Oldest first"
        case .admin: "Administration"
        case .users: "Users"
        case .groups: "Groups"
        case .mailboxes: "Mailboxes"
        case .chatSettings: "Chat settings"
        case .macros: "Macros"
        case .appearance: "Branding and languages"
        case .name: "Name"
        case .role: "Role"
        case .tier: "Tier"
        case .addUser: "Add a user"
        case .addGroup: "Add a group"
        case .addMailbox: "Add a mailbox"
        case .address: "Address"
        case .signature: "Signature"
        case .chatEnabled: "Live chat is on"
        case .waitAlert: "Alert after waiting (seconds)"
        case .calendar: "Business calendar"
        case .alwaysOpen: "Always (no calendar)"
        case .addMacro: "Add a macro"
        case .macroTitle: "Title"
        case .macroBody: "Text"
        case .placeholdersHelp: "The text may contain:"
        case .setStatus: "Set status to"
        case .unchanged: "Unchanged"
        case .addTags: "Add tags"
        case .asInternal: "As an internal note"
        case .delete: "Delete"
        case .applyMacro: "Macro"
        case .apply: "Apply"
        case .macroApplied: "Macro applied"
        case .merge: "Merge"
        case .mergeInto: "Merge this ticket into ticket number"
        case .merged: "Ticket merged"
        case .businessNameArabic: "Business name in Arabic"
        case .businessNameEnglish: "Business name in English"
        case .accentColor: "Accent colour"
        case .logo: "Logo"
        case .removeLogo: "Remove the logo"
        case .languagesOffered: "Languages offered"
        case .defaultLanguage: "Default language"
        case .noGroups: "No groups yet."
        case .editDetails: "Edit details"
        case .addEmail: "Add an email"
        case .addPhone: "Add a phone number"
        case .customers: "Customers"
        case .noCustomers: "No matching customers."
        case .noteHistory: "Team notes"
        case .articles: "Articles"
        case .searchArticles: "Search the articles"
        case .noArticles: "We found no article that answers your question."
        case .thanksForFeedback: "Thank you: your answer helps us improve our articles."
        case .wasHelpful: "Was this article helpful?"
        case .yes: "Yes"
        case .no: "No"
        case .relatedArticles: "Related articles"
        case .stillNeedHelp: "Still need help?"
        case .stillNeedHelpDetail: "Send us a request: it reaches our team together with this article, so there is no need to explain what you read."
        case .fromArticle: "About the article"
        case .knowledgeBase: "Knowledge base"
        case .newArticle: "New article"
        case .articleState: "Publication"
        case .category: "Category"
        case .titleArabic: "Title in Arabic"
        case .bodyArabic: "Text in Arabic"
        case .titleEnglish: "Title in English"
        case .bodyEnglish: "Text in English"
        case .markdownHelp: "The text is Markdown: **bold**, *italic*, [link](/help), and lists starting with - or 1."
        case .suggestedArticles: "Suggested articles"
        case .draftReply: "Draft a reply from these articles"
        case .draftWritten: "A draft from the suggested articles is in the reply box: check and edit it before sending."
        case .draftFailed: "No draft reply could be written."
        case .synonyms: "Search synonyms"
        case .noCategory: "No category"
        case .otherArticles: "Other articles"
        case .synonymsHelp: "One group a line, its words separated by commas, in any language: فاتورة, invoice, bill"
        case .notes: "Notes"
        case .addNote: "Add a note"
        case .organization: "Organization"
        case .filter: "Filter"
        case .any: "Any"
        case .noNotes: "No notes yet"
        case .language: "Language"
        case .helpCenter: "Help center"
        case .submitRequest: "Submit a request"
        case .yourName: "Your name"
        case .yourEmail: "Your email"
        case .describe: "Describe your request"
        case .attachment: "Attachment (optional)"
        case .requestReceived: "We received your request"
        case .solvedQuestion: "Did this article solve your problem? If so, we will close your request."
        case .solvedConfirm: "Yes, it's solved — close my request"
        case .solvedDone: "Your request is closed. We're glad you found the answer! Reply to our mail if you need anything else."
        case .solvedAlready: "This request is already closed."
        case .sentimentTrend: "Sentiment of the customer's messages (oldest first)"
        case .sentiment: "Sentiment"
        case .automaticRules: "Automatic rules"
        case .raiseOnNegative: "Raise a ticket to high priority when the customer writes a strongly negative message"
        case .requestReceivedDetail: "We emailed you a confirmation with its number, and will answer soon."
        case .myRequests: "My requests"
        case .portalSignIn: "Follow my requests"
        case .portalSignInHelp: "Enter your email and we will send you a sign-in link that works once."
        case .linkSent: "If we know your email, a message with the sign-in link is on its way."
        case .linkInvalid: "This link is not valid, has expired, or was used already"
        case .sendLink: "Send the link"
        case .noRequests: "No requests yet"
        case .writeReply: "Write your reply"
        case .tagsField: "Tags (separated by commas)"
        case .periodDay: "Day"
        case .periodWeek: "Week"
        case .periodFortnight: "Fortnight"
        case .periodMonth: "Month"
        case .surveyTitle: "How did we do?"
        case .surveyRecorded: "Your rating is recorded, thank you! You can change it or add a comment within 24 hours."
        case .surveyThanks: "Thank you! We have your feedback and will learn from it."
        case .surveyPickScore: "Please choose a rating first."
        case .surveyYourRating: "Your rating"
        case .surveyComment: "Would you like to tell us more? (optional)"
        case .surveyLocked: "You already answered this survey and the answer can no longer be changed. Thank you!"
        case .surveyExpired: "This survey has expired."
        case .satisfaction: "Satisfaction"
        case .csatFigure: "Customer satisfaction (CSAT)"
        case .npsFigure: "Net promoter score (NPS)"
        case .cesFigure: "Customer effort (CES, 1 = very easy)"
        case .responseRate: "Response rate"
        case .answersCount: "Answers"
        case .promoters: "Promoters"
        case .passives: "Passives"
        case .detractors: "Detractors"
        case .negativeThemes: "What unhappy customers mention most"
        case .recentComments: "Latest comments"
        case .closeLoop: "Close the loop"
        case .closeLoopHelp: "These customers gave a low rating: get back to them, then mark the task done."
        case .markDone: "Done"
        case .noData: "No data yet"
        case .fromDate: "From"
        case .toDate: "To"
        case .period: "Period"
        case .show: "Show"
        case .reports: "Reports"
        case .newTickets: "New tickets"
        case .vsPrevious: "vs the period before"
        case .firstResponseMedian: "Median first response"
        case .resolutionMedian: "Median resolution time"
        case .reopenRate: "Reopen rate"
        case .firstContactResolution: "First-contact resolution"
        case .backlog: "Backlog"
        case .volumeByChannel: "New tickets by channel"
        case .timesInHours: "First response and resolution (median, hours)"
        case .firstResponse: "First response"
        case .resolution: "Resolution"
        case .csatTrend: "Customer satisfaction over time (%)"
        case .customerSentiment: "Customer sentiment of new tickets"
        case .sentimentAtOpening: "When the ticket opened"
        case .sentimentNow: "Now"
        case .agentsTable: "Agents"
        case .solvedCount: "Solved"
        case .capacity: "Capacity vs demand"
        case .peakAgentsNeeded: "Most agents needed in an hour"
        case .averageHandleTime: "Average handle time"
        case .agentsAvailable: "Agents available"
        case .emailBacklogProjection: "E-mail backlog projection"
        case .daysToClear: "Days to clear"
        case .never: "Never at this pace"
        case .arrivalsPerDay: "Arrivals per day"
        case .resolutionsPerDay: "Resolutions per day"
        case .selfService: "Self-service"
        case .botSolved: "Solved by the bot"
        case .botHandedOff: "Handed to a person"
        case .selfServiceSolvedCount: "Solved by an article"
        case .articleViews: "Article views"
        case .helpfulVotes: "Helpful votes"
        case .downloadCSV: "Download CSV"
        case .hoursShort: "h"
        case .surveys: "Surveys"
        case .addSurvey: "Add a survey"
        case .addSurveyHelp: "A new survey starts switched off with the standard question: review it, then switch it on."
        case .surveyKind: "Kind"
        case .off: "Off"
        case .surveyEnabled: "On"
        case .questionArabic: "Question in Arabic"
        case .questionEnglish: "Question in English"
        case .scaleDirection: "Scale direction"
        case .lowIsEasy: "1 = very easy"
        case .highIsEasy: "7 = very easy"
        case .sendOnSolve: "Sent when a ticket is solved"
        case .delayMinutes: "Delay (minutes)"
        case .throttleDays: "Ask a customer again no sooner than (days)"
        case .includeSelfService: "Include self-service solves"
        case .includeMerged: "Include merged tickets"
        case .goals: "Goals"
        case .addGoal: "Add a goal"
        case .goalMetric: "Metric"
        case .goalTarget: "Target"
        case .goalStart: "Starts"
        case .goalDeadline: "Deadline"
        case .goalValue: "Value so far"
        case .goalAdded: "Goal added."
        case .percentSign: "%"
        case .goalTargetHelp: "Times in hours, rates in percent."
        }
    }
}

extension TicketStatus {
    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.new, .ar): "جديدة"
        case (.open, .ar): "مفتوحة"
        case (.pending, .ar): "بانتظار العميل"
        case (.onHold, .ar): "معلّقة"
        case (.solved, .ar): "محلولة"
        case (.closed, .ar): "مغلقة"
        case (.new, .en): "New"
        case (.open, .en): "Open"
        case (.pending, .en): "Pending"
        case (.onHold, .en): "On hold"
        case (.solved, .en): "Solved"
        case (.closed, .en): "Closed"
        }
    }
}

extension TicketPriority {
    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.low, .ar): "منخفضة"
        case (.normal, .ar): "عادية"
        case (.high, .ar): "عالية"
        case (.urgent, .ar): "عاجلة"
        case (.low, .en): "Low"
        case (.normal, .en): "Normal"
        case (.high, .en): "High"
        case (.urgent, .en): "Urgent"
        }
    }
}

extension Channel {
    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.email, .ar): "البريد"
        case (.chat, .ar): "الدردشة"
        case (.web, .ar): "البوابة"
        case (.phone, .ar): "الهاتف"
        case (.social, .ar): "التواصل الاجتماعي"
        case (.api, .ar): "الواجهة البرمجية"
        case (.email, .en): "Email"
        case (.chat, .en): "Chat"
        case (.web, .en): "Web"
        case (.phone, .en): "Phone"
        case (.social, .en): "Social"
        case (.api, .en): "API"
        }
    }
}

extension SentimentLabel {
    func name(_ language: Language) -> String {
        let arabic = language == .ar
        return switch self {
        case .negative: arabic ? "سلبي" : "Negative"
        case .neutral: arabic ? "محايد" : "Neutral"
        case .positive: arabic ? "إيجابي" : "Positive"
        }
    }

    /// The chart palette's colour for the label (`SVGChart.Series.colour`): red, grey, green.
    var chartColour: Int {
        switch self {
        case .negative: 4
        case .neutral: 5
        case .positive: 0
        }
    }

    /// A face for the trend of a customer's messages, read with the name beside it.
    var face: String {
        switch self {
        case .negative: "🙁"
        case .neutral: "😐"
        case .positive: "🙂"
        }
    }
}

extension TicketEventKind {
    func name(_ language: Language) -> String {
        let arabic = language == .ar
        return switch self {
        case .created: arabic ? "أُنشئت التذكرة" : "Ticket created"
        case .statusChanged: arabic ? "تغيّرت الحالة" : "Status changed"
        case .priorityChanged: arabic ? "تغيّرت الأولوية" : "Priority changed"
        case .assigned: arabic ? "تغيّر المسؤول" : "Assignee changed"
        case .groupChanged: arabic ? "تغيّرت المجموعة" : "Group changed"
        case .tagsChanged: arabic ? "تغيّرت الوسوم" : "Tags changed"
        case .messageAdded: arabic ? "أُضيفت رسالة" : "Message added"
        case .firstResponse: arabic ? "أول رد" : "First response"
        case .reopened: arabic ? "أُعيد فتحها" : "Reopened"
        case .followUpCreated: arabic ? "أُنشئت متابعة" : "Follow-up created"
        case .merged: arabic ? "دُمجت في تذكرة أخرى" : "Merged into another ticket"
        case .mergedFrom: arabic ? "دُمجت فيها تذكرة" : "Another ticket merged in"
        case .callLogged: arabic ? "سُجّلت مكالمة" : "Call logged"
        case .botAnswered: arabic ? "أجاب المساعد الآلي بمقال" : "The bot answered with an article"
        case .botHandedOff: arabic ? "حوّل المساعد الآلي المحادثة إلى موظف" : "The bot handed the chat to a person"
        case .botSolved: arabic ? "حُلّت بالخدمة الذاتية" : "Solved by self-service"
        case .selfServiceSolved: arabic ? "أغلقها العميل: مقال مقترح حلّ مشكلته" : "Closed by the customer: a suggested article solved it"
        case .surveySent: arabic ? "أُرسل استبيان الرضا" : "Satisfaction survey sent"
        case .surveyAnswered: arabic ? "أجاب العميل عن الاستبيان" : "The customer answered the survey"
        }
    }
}

extension Role {
    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.admin, .ar): "مدير النظام"
        case (.supervisor, .ar): "مشرف"
        case (.agent, .ar): "موظف دعم"
        case (.admin, .en): "Admin"
        case (.supervisor, .en): "Supervisor"
        case (.agent, .en): "Agent"
        }
    }
}

extension Language {
    /// The language's name, as written in `language`.
    func name(_ language: Language) -> String {
        switch (self, language) {
        case (.ar, .ar): "العربية"
        case (.en, .ar): "الإنجليزية"
        case (.ar, .en): "Arabic"
        case (.en, .en): "English"
        }
    }
}

extension GoalMetric {
    func name(_ language: Language) -> String {
        let arabic = language == .ar
        return switch self {
        case .firstResponseMedian: arabic ? "وسيط زمن الرد الأول" : "Median first response"
        case .firstResponseP90: arabic ? "زمن الرد الأول (المئين ٩٠)" : "First response, 90th percentile"
        case .firstResponseAverage: arabic ? "متوسط زمن الرد الأول" : "Average first response"
        case .resolutionMedian: arabic ? "وسيط زمن الحل" : "Median resolution time"
        case .resolutionP90: arabic ? "زمن الحل (المئين ٩٠)" : "Resolution time, 90th percentile"
        case .resolutionAverage: arabic ? "متوسط زمن الحل" : "Average resolution time"
        case .reopenRate: arabic ? "نسبة إعادة الفتح" : "Reopen rate"
        case .firstContactResolution: arabic ? "الحل من أول تواصل" : "First-contact resolution"
        case .backlog: arabic ? "التذاكر المتراكمة" : "Backlog"
        case .repliesPerTicket: arabic ? "متوسط الردود لكل تذكرة" : "Average replies per ticket"
        }
    }

    /// How a goal's value and target are typed and shown on the pages: hours for times, percent for shares.
    var pageUnit: (scale: Double, phrase: Phrase?) {
        switch self {
        case .firstResponseMedian, .firstResponseP90, .firstResponseAverage, .resolutionMedian, .resolutionP90, .resolutionAverage:
            (3600, .hoursShort)
        case .reopenRate, .firstContactResolution: (0.01, .percentSign)
        case .backlog, .repliesPerTicket: (1, nil)
        }
    }
}

extension GoalStatus {
    func name(_ language: Language) -> String {
        let arabic = language == .ar
        return switch self {
        case .onTrack: arabic ? "على المسار" : "On track"
        case .atRisk: arabic ? "في خطر" : "At risk"
        case .missed: arabic ? "لم يتحقق" : "Missed"
        case .achieved: arabic ? "تحقق" : "Achieved"
        }
    }
}

extension Goal.Direction {
    func name(_ language: Language) -> String {
        let arabic = language == .ar
        return switch self {
        case .atMost: arabic ? "لا يزيد على" : "at most"
        case .atLeast: arabic ? "لا يقل عن" : "at least"
        }
    }
}
