#include "ui/lookup/TriageView.h"

#include "core/domain/Clock.h"
#include "core/lookup/LookupService.h"
#include "core/lookup/PatientSearchService.h"
#include "ui/lookup/BusyPanel.h"
#include "ui/lookup/CpisResultView.h"
#include "ui/lookup/PatientBanner.h"
#include "ui/lookup/PatientSearchPanel.h"
#include "ui/widgets/FlatScrollBarStyle.h"
#include "ui/widgets/NhsNumberEdit.h"
#include "ui/widgets/PlainLabel.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

namespace cpis::ui {

namespace {

QString grouped(const QString& digits)
{
    return digits.size() == 10 ? digits.left(3) + u' ' + digits.mid(3, 3) + u' ' + digits.mid(6)
                               : digits;
}

} // namespace

RoleView TriageView::roleView(Deps deps)
{
    RoleView view;
    view.function = DeskFunction::LookUp;
    view.title = tr("&Look-up");
    view.create = [deps](const UserSession& session, QWidget* parent) -> QWidget* {
        return new TriageView(deps, session, parent);
    };
    return view;
}

TriageView::TriageView(Deps deps, UserSession session, QWidget* parent)
    : LayoutBoundary(parent), m_deps(std::move(deps)), m_session(std::move(session))
{
    setObjectName(QStringLiteral("deskPage"));
    if (m_deps.lookups)
        m_deps.lookups->setSession(m_session);
    if (m_deps.searches)
        m_deps.searches->setSession(m_session);

    // A look-up changes this screen many times a minute: what changes is repainted, not the
    // whole window (LayoutBoundary).
    auto* columns = new QHBoxLayout(content());
    columns->setContentsMargins(0, 0, 0, 0);
    auto* main = new QVBoxLayout;
    columns->addLayout(main, 3);

    auto* searchRow = new QHBoxLayout;
    auto* nhsLabel = new PlainLabel(tr("&NHS No."), this);
    m_nhs = new NhsNumberEdit(this);
    m_nhs->setObjectName(QStringLiteral("nhsNumberField"));
    m_nhs->setAccessibleName(tr("NHS number"));
    m_nhs->setAccessibleDescription(tr("Type or paste the ten digits and press Enter. Escape "
                                       "cancels and clears."));
    m_nhs->setPlaceholderText(QStringLiteral("999 999 9999"));
    m_nhs->setMaximumWidth(220);
    QFont big = m_nhs->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_nhs->setFont(big);
    nhsLabel->setBuddy(m_nhs);
    searchRow->addWidget(nhsLabel);
    searchRow->addWidget(m_nhs);
    if (m_deps.searches) {
        m_searchButton = new QPushButton(tr("No number? Find by details (Ctrl+F)"), this);
        m_searchButton->setObjectName(QStringLiteral("findByDetailsButton"));
        m_searchButton->setAccessibleName(tr("Find the patient by their details"));
        m_searchButton->setAutoDefault(false);
        connect(m_searchButton, &QPushButton::clicked, this, &TriageView::openSearch);
        searchRow->addWidget(m_searchButton);
        auto* find = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_F), this);
        connect(find, &QShortcut::activated, this, &TriageView::openSearch);
    }
    m_status = new PlainLabel(this);
    m_status->setObjectName(QStringLiteral("lookupStatus"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #212b32; }"));
    searchRow->addWidget(m_status, 1);
    main->addLayout(searchRow);
    connect(m_nhs, &NhsNumberEdit::submitted, this, &TriageView::search);
    connect(m_nhs, &NhsNumberEdit::rejected, this,
            [this](const QString& why) { setStatus(tr("Not searched: %1").arg(why)); });
    connect(m_nhs, &QLineEdit::textEdited, this, [this] {
        // The screen belongs to the number in the field: an edit drops what an earlier number
        // showed, and any answer still coming for it.
        clearPatient();
    });
    connect(m_nhs, &QLineEdit::textChanged, this, [this](const QString& text) {
        // Esc (or deleting the number) starts over: nothing of the last person stays on screen.
        if (text.isEmpty())
            clearPatient();
    });
    connect(m_nhs, &NhsNumberEdit::problemChanged, this, &TriageView::markNumber);
    m_nhs->installEventFilter(this);

    if (m_deps.searches) {
        m_searchPanel = new PatientSearchPanel(m_deps.searches, m_deps.clock, this);
        m_searchPanel->hide();
        connect(m_searchPanel, &PatientSearchPanel::picked, this, [this](const QString& nhs) {
            m_searchPanel->hide();
            lookUp(nhs); // the same path as a typed number: banner, confirmation, CP-IS
        });
        connect(m_searchPanel, &PatientSearchPanel::closeRequested, this, [this] {
            m_searchPanel->hide();
            m_nhs->setFocus();
        });
        main->addWidget(m_searchPanel, 1);
    }

    m_banner = new PatientBanner(this);
    main->addWidget(m_banner);
    main->addWidget(buildConfirmBar());
    m_busy = new BusyPanel(this);
    connect(m_busy, &BusyPanel::cancelRequested, this, &TriageView::cancel);
    main->addWidget(m_busy);

    m_result = new CpisResultView;
    m_result->setLocalDirectory(m_deps.directory);
    connect(m_result, &CpisResultView::retryRequested, this, [this] {
        if (!m_lastNumber.isEmpty())
            lookUp(m_lastNumber); // a new trace: the banner is checked again before CP-IS
    });
    m_resultScroll = new QScrollArea(this);
    m_resultScroll->setObjectName(QStringLiteral("cpisSection"));
    m_resultScroll->setAccessibleName(tr("CP-IS section"));
    m_resultScroll->setWidgetResizable(true);
    m_resultScroll->setFrameShape(QFrame::NoFrame);
    m_resultScroll->setWidget(m_result);
    FlatScrollBarStyle::apply(m_resultScroll);
    m_resultScroll->hide();
    main->addWidget(m_resultScroll, 1);
    main->addStretch(0);

    if (!m_deps.scenarios.isEmpty())
        columns->addWidget(buildHelp(), 1);
    // The main window focuses the screen it shows; here that means the NHS No. field.
    setFocusProxy(m_nhs);
    setStatus(QString());
}

TriageView::~TriageView()
{
    // A lock or sign-out with a banner nobody decided on: recorded as abandoned, nothing sent.
    if (m_deps.lookups && m_person.awaitsConfirmation())
        m_deps.lookups->abandon(m_person);
    // The service looks up for nobody until the next sign-in makes a screen again.
    if (m_deps.lookups)
        m_deps.lookups->setSession(UserSession{});
    if (m_deps.searches)
        m_deps.searches->setSession(UserSession{});
}

void TriageView::openSearch()
{
    if (!m_searchPanel)
        return;
    clearPatient();
    m_nhs->clear();
    m_searchPanel->show();
    m_searchPanel->familyField()->setFocus();
    m_searchPanel->familyField()->selectAll();
}

QWidget* TriageView::buildConfirmBar()
{
    m_confirmBar = new QWidget(this);
    m_confirmBar->setObjectName(QStringLiteral("confirmBar"));
    m_confirmBar->setAttribute(Qt::WA_StyledBackground);
    // Black on pale blue, 15:1; the question is in words.
    m_confirmBar->setStyleSheet(
        QStringLiteral("#confirmBar { background: #d6e8f7; } QLabel { color: #000000; }"));
    auto* confirmRow = new QHBoxLayout(m_confirmBar);
    auto* question = new PlainLabel(tr("Check the banner against the person in front of you "
                                       "before you read CP-IS."),
                                    m_confirmBar);
    question->setWordWrap(true);
    confirmRow->addWidget(question, 1);
    m_confirmButton = new QPushButton(tr("Banner matches the person (Ctrl+Enter)"), m_confirmBar);
    m_confirmButton->setObjectName(QStringLiteral("confirmBannerButton"));
    m_confirmButton->setAccessibleName(tr("Confirm the banner matches the person in front of me"));
    m_confirmButton->setAutoDefault(false);
    connect(m_confirmButton, &QPushButton::clicked, this, &TriageView::confirmBanner);
    confirmRow->addWidget(m_confirmButton);
    m_rejectButton = new QPushButton(tr("Not this person (Ctrl+Shift+N)"), m_confirmBar);
    m_rejectButton->setObjectName(QStringLiteral("rejectBannerButton"));
    m_rejectButton->setAccessibleName(tr("Not this person: record it and ask CP-IS nothing"));
    m_rejectButton->setAutoDefault(false);
    connect(m_rejectButton, &QPushButton::clicked, this, &TriageView::rejectBanner);
    confirmRow->addWidget(m_rejectButton);
    m_confirmBar->hide();
    for (const QKeySequence& k :
         {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto* sc = new QShortcut(k, this);
        connect(sc, &QShortcut::activated, this, &TriageView::confirmBanner);
    }
    auto* reject = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    connect(reject, &QShortcut::activated, this, &TriageView::rejectBanner);
    return m_confirmBar;
}

QWidget* TriageView::buildHelp()
{
    auto* helpBox = new QWidget(this);
    helpBox->setObjectName(QStringLiteral("trainingHelp"));
    auto* hl = new QVBoxLayout(helpBox);
    hl->setContentsMargins(0, 0, 0, 0);
    auto* title = new PlainLabel(tr("&Training scenarios (synthetic)"), helpBox);
    QFont tf = title->font();
    tf.setBold(true);
    title->setFont(tf);
    hl->addWidget(title);
    auto* hint =
        new PlainLabel(tr("Enter on a line puts its number in the NHS No. field."), helpBox);
    hint->setWordWrap(true);
    hl->addWidget(hint);
    auto* help = new QListWidget(helpBox);
    help->setObjectName(QStringLiteral("scenarioList"));
    help->setAccessibleName(tr("Training scenario NHS numbers"));
    help->setWordWrap(true);
    // Wide enough for a number and a short title; longer titles wrap, so the look-up column
    // keeps its room on a 1024-pixel screen.
    help->setMinimumWidth(240);
    for (const Scenario& s : std::as_const(m_deps.scenarios)) {
        auto* item =
            new QListWidgetItem(grouped(s.nhsNumber) + QStringLiteral("  ") + s.title, help);
        item->setData(Qt::UserRole, s.nhsNumber);
    }
    title->setBuddy(help);
    connect(help, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        m_nhs->setText(grouped(item->data(Qt::UserRole).toString()));
        m_nhs->setFocus();
    });
    hl->addWidget(help, 1);
    return helpBox;
}

void TriageView::lookUp(const QString& nhsNumber)
{
    const auto parsed = NhsNumber::parse(nhsNumber);
    m_nhs->setText(parsed ? parsed.value().display() : nhsNumber);
    if (parsed)
        search(parsed.value());
    else
        setStatus(tr("Not searched: %1").arg(parsed.error().message));
}

bool TriageView::isBusy() const
{
    return m_busy->isBusy();
}

void TriageView::search(const NhsNumber& nhs)
{
    if (!m_deps.lookups)
        return;
    clearPatient();
    m_lastNumber = nhs.digits();
    // The look-up's own context: deleting it (an edit, Esc, the next number, a lock) means its
    // answer is never shown; the service still audits it as what it was.
    m_request = new QObject(this);
    setStatus(QString());
    m_busy->start(tr("Tracing NHS No. %1 on PDS…").arg(nhs.display()));
    m_deps.lookups->trace(
        nhs, m_request,
        [this](const TracedPerson& person, const LookupResult& ended) { onTraced(person, ended); });
}

void TriageView::onTraced(const TracedPerson& person, const LookupResult& ended)
{
    m_busy->stop();
    delete m_request; // the trace is over; the confirmation starts a request of its own
    if (!person.isValid()) {
        // Nobody to check the banner against: "could not trace", never an answer from CP-IS.
        showResult(ended);
        const QPointer<TriageView> alive(this);
        emit lookupAnswered();
        if (alive)
            emit resultShown();
        return;
    }
    m_person = person;
    const QDate today = m_deps.clock->nowUtc().toLocalTime().date();
    m_banner->setPatient(person.patient(), today);
    if (person.fromCache())
        m_banner->markFromCopy(person.cachedAtUtc());
    m_confirmBar->show();
    m_confirmButton->setAccessibleDescription(m_banner->summaryText());
    // Focus stays where the user is; nothing is selected, so typing on is never overwritten.
    setStatus(QString());
    // A receiver may lock the desk, which destroys this screen.
    emit lookupAnswered();
}

void TriageView::confirmBanner()
{
    if (!m_deps.lookups || !m_person.awaitsConfirmation())
        return;
    m_request = new QObject(this);
    const TracedPerson person = m_person;
    // The query leaves first; the screen says so while it is on the network.
    m_deps.lookups->queryConfirmed(person, m_request,
                                   [this](const LookupResult& r) { onAnswer(r); });
    m_confirmBar->hide();
    m_busy->start(person.fromCache()
                      ? tr("Reading the offline copy for NHS No. %1…").arg(person.asked().display())
                      : tr("Asking CP-IS about NHS No. %1…").arg(person.asked().display()));
}

void TriageView::rejectBanner()
{
    if (!m_deps.lookups || !m_person.awaitsConfirmation())
        return;
    const bool recorded = m_deps.lookups->reject(m_person);
    m_person = TracedPerson();
    m_nhs->clear(); // clears the banner with it
    clearPatient();
    setStatus(recorded ? tr("Not this person: recorded. CP-IS was not asked. Check the number "
                            "with the person and try again.")
                       : tr("Not this person. CP-IS was not asked. Warning: this could not be "
                            "recorded in the audit log."));
    m_nhs->setFocus();
    emit rejected();
}

void TriageView::cancel()
{
    const bool wasBusy = m_busy->isBusy();
    m_nhs->clear();
    clearPatient();
    if (wasBusy)
        setStatus(tr("Look-up cancelled: nothing from it will be shown."));
    m_nhs->setFocus();
}

void TriageView::onAnswer(const LookupResult& r)
{
    m_busy->stop();
    delete m_request;
    m_person = TracedPerson();
    showResult(r);
    setStatus(r.auditFailed ? tr("Warning: this look-up could not be recorded in the audit log.")
                            : QString());
    emit resultShown();
}

void TriageView::showResult(const LookupResult& result)
{
    m_confirmBar->hide();
    m_result->showResult(result, m_deps.clock->nowUtc());
    m_resultScroll->show();
    // Tab from the field reaches the result's first action before anything else.
    if (QWidget* first = m_result->firstAction())
        setTabOrder(m_nhs, first);
}

void TriageView::clearPatient()
{
    // Whatever was asked for the earlier number is dropped, and a banner nobody decided on is
    // recorded as abandoned.
    delete m_request;
    if (m_deps.lookups && m_person.awaitsConfirmation())
        m_deps.lookups->abandon(m_person);
    m_person = TracedPerson();
    m_busy->stop();
    m_banner->clear();
    m_confirmBar->hide();
    m_confirmButton->setAccessibleDescription(QString());
    m_result->clear();
    m_resultScroll->hide();
}

void TriageView::markNumber(const QString& problem)
{
    // A wrong check digit shows as soon as the tenth digit is typed, not after Enter.
    int digits = 0;
    for (const QChar c : m_nhs->text())
        digits += c.isDigit() ? 1 : 0;
    const bool wrong = !problem.isEmpty() && digits >= 10;
    // Dark red border and words: the colour is never the only sign.
    m_nhs->setStyleSheet(wrong ? QStringLiteral("QLineEdit { border: 2px solid #d5281b; }")
                               : QString());
    m_nhs->setProperty("invalidNumber", wrong);
    if (wrong)
        setStatus(tr("Not a valid NHS number: %1").arg(problem));
    else if (m_status->text().startsWith(tr("Not a valid NHS number: %1").arg(QString())))
        setStatus(QString());
}

bool TriageView::eventFilter(QObject* watched, QEvent* event)
{
    // Esc in the field cancels the look-up in flight as well as clearing the number (the field
    // clears itself); with the field already empty, the screen is still cleared.
    if (watched == m_nhs && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        const bool wasBusy = m_busy->isBusy();
        clearPatient();
        if (wasBusy)
            setStatus(tr("Look-up cancelled: nothing from it will be shown."));
    }
    return QWidget::eventFilter(watched, event);
}

void TriageView::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setAccessibleName(text.isEmpty() ? tr("Look-up status") : text);
}

} // namespace cpis::ui
