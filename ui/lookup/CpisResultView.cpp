#include "ui/lookup/CpisResultView.h"

#include "core/directory/LocalDirectory.h"
#include "core/domain/DisplayFormat.h"
#include "core/domain/PlanType.h"
#include "ui/lookup/AccessHistoryModel.h"
#include "ui/lookup/PlanCard.h"
#include "ui/widgets/FlatScrollBarStyle.h"
#include "ui/widgets/LineTextDelegate.h"
#include "ui/widgets/PlainLabel.h"
#include "ui/widgets/WrapLabel.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cpis::ui {

CpisResultView::CpisResultView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cpisResultView"));
    auto* layout = new QVBoxLayout(this);

    // The first line: what this answer is and when.
    m_provenance = new QWidget(this);
    m_provenance->setObjectName(QStringLiteral("cpisProvenanceRow"));
    m_provenance->setAutoFillBackground(true);
    auto* provenanceRow = new QHBoxLayout(m_provenance);
    m_provenanceIcon = new PlainLabel(m_provenance);
    m_provenanceIcon->setObjectName(QStringLiteral("cpisProvenanceIcon"));
    provenanceRow->addWidget(m_provenanceIcon, 0, Qt::AlignTop);
    m_provenanceText = new WrapLabel(m_provenance);
    m_provenanceText->setObjectName(QStringLiteral("cpisProvenance"));
    QFont pf = m_provenanceText->font();
    pf.setBold(true);
    m_provenanceText->setFont(pf);
    provenanceRow->addWidget(m_provenanceText, 1);
    layout->addWidget(m_provenance);

    m_header = new QWidget(this);
    m_header->setObjectName(QStringLiteral("cpisState"));
    m_header->setAutoFillBackground(true);
    // The state keeps its own height; spare room goes below, not into a tall coloured block.
    m_header->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* headerLayout = new QHBoxLayout(m_header);
    m_icon = new PlainLabel(m_header);
    m_icon->setObjectName(QStringLiteral("cpisStateIcon"));
    headerLayout->addWidget(m_icon, 0, Qt::AlignTop);
    auto* words = new QVBoxLayout;
    m_title = new WrapLabel(m_header);
    m_title->setObjectName(QStringLiteral("cpisStateTitle"));
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.5);
    m_title->setFont(f);
    m_detail = new WrapLabel(m_header);
    m_detail->setObjectName(QStringLiteral("cpisStateDetail"));
    words->addWidget(m_title);
    words->addWidget(m_detail);
    headerLayout->addLayout(words, 1);
    layout->addWidget(m_header);

    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->setObjectName(QStringLiteral("cpisRetryButton"));
    m_retry->setAccessibleName(tr("Retry the look-up"));
    m_retry->setAutoDefault(false);
    connect(m_retry, &QPushButton::clicked, this, &CpisResultView::retryRequested);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &CpisResultView::countDown);

    m_notified = new WrapLabel(this);
    m_notified->setObjectName(QStringLiteral("cpisNotification"));
    layout->addWidget(m_notified);

    m_plans = new QWidget(this);
    m_plans->setObjectName(QStringLiteral("cpisPlans"));
    m_plansLayout = new QVBoxLayout(m_plans);
    m_plansLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plans);

    m_historyLabel = new PlainLabel(tr("Access history (most recent 25)"), this);
    m_historyLabel->setObjectName(QStringLiteral("accessHistoryLabel"));
    layout->addWidget(m_historyLabel);
    m_history = new AccessHistoryModel(this);
    m_historyView = new QTableView(this);
    m_historyView->setObjectName(QStringLiteral("accessHistoryView"));
    m_historyView->setAccessibleName(tr("Access history"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->verticalHeader()->hide();
    // Tab moves on past the table (arrows move inside it): cell by cell, Tab would take a
    // keyboard user through every cell of 25 rows before reaching the next control.
    m_historyView->setTabKeyNavigation(false);
    // One line a row: a long organisation is elided, the whole of it in the tooltip, rather
    // than wrapped into a row too short to show it.
    m_historyView->setWordWrap(false);
    FlatScrollBarStyle::apply(m_historyView);
    m_historyView->setItemDelegate(new LineTextDelegate(m_historyView));
    // The time keeps the width of its widest value, measured once here rather than over every
    // row of every answer; the names share the rest, elided with the whole in a tooltip.
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_historyView->horizontalHeader()->setSectionResizeMode(AccessHistoryModel::When,
                                                            QHeaderView::Fixed);
    const QFontMetrics fm(m_historyView->font());
    int widest =
        fm.horizontalAdvance(
            m_history->headerData(AccessHistoryModel::When, Qt::Horizontal, Qt::DisplayRole)
                .toString()) +
        fm.averageCharWidth();
    for (int month = 1; month <= 12; ++month)
        widest = qMax(widest, fm.horizontalAdvance(display::dateTime(
                                  QDateTime(QDate(2026, month, 28), QTime(23, 59), Qt::UTC))));
    const int cellMargin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1;
    m_historyView->horizontalHeader()->resizeSection(AccessHistoryModel::When,
                                                     widest + 2 * cellMargin + 1);
    m_historyLabel->setBuddy(m_historyView);
    // The table takes the room left below the plans, down to a header and two rows, and
    // scrolls within itself: with its preferred height, two plans made the whole section
    // scroll, which laid the section out twice as its scroll bar appeared.
    m_historyView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_historyView->setMinimumHeight(m_historyView->horizontalHeader()->sizeHint().height() +
                                    2 * m_historyView->verticalHeader()->defaultSectionSize() +
                                    2 * m_historyView->frameWidth());
    layout->addWidget(m_historyView, 1);
    layout->addStretch(0);
    clear();
}

namespace {

// A row's colours, in its palette (its labels inherit it): a style sheet would re-polish the row
// and its labels on every answer, and the answer would wait for it.
void colourRow(QWidget* row, const QColor& background, const QColor& text)
{
    QPalette p = row->palette();
    if (p.color(QPalette::Window) == background && p.color(QPalette::WindowText) == text)
        return;
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, text);
    row->setPalette(p);
}

} // namespace

void CpisResultView::setIcon(QLabel* label, int icon, int size)
{
    // Drawn once per icon and size: rendering a standard icon costs more than the rest of the
    // row, and the answer waits for it.
    const qint64 key = qint64(icon) << 16 | size;
    auto it = m_icons.constFind(key);
    if (it == m_icons.constEnd())
        it = m_icons.insert(key,
                            style()->standardIcon(QStyle::StandardPixmap(icon)).pixmap(size, size));
    if (label->pixmap().cacheKey() != it->cacheKey())
        label->setPixmap(*it);
}

void CpisResultView::setHeader(const QString& colour,
                               const QString& textColour,
                               int icon,
                               const QString& title,
                               const QString& detail)
{
    colourRow(m_header, QColor(colour), QColor(textColour));
    setIcon(m_icon, icon, 48);
    m_title->setText(title);
    m_detail->setText(detail);
    m_header->setVisible(true);
}

namespace {

// "2 h 22 min old", "35 min old", "3 days old".
QString ageText(qint64 secs)
{
    const qint64 mins = qMax<qint64>(0, secs / 60);
    if (mins < 60)
        return CpisResultView::tr("%n min old", nullptr, int(mins));
    if (mins < 48 * 60)
        return CpisResultView::tr("%1 h %2 min old").arg(mins / 60).arg(mins % 60);
    return CpisResultView::tr("%n day(s) old", nullptr, int(mins / (24 * 60)));
}

// "Could not check CP-IS at 14:02 (tried 3 times)": the attempts are the transport's own
// count, so a single refused connection is not mistaken for a service that failed three times.
QString couldNotCheckLine(const LookupResult& r, const QString& at)
{
    if (r.cpisAsked)
        return r.attempts > 0 ? CpisResultView::tr("Could not check CP-IS at %1 (tried %n time(s))",
                                                   nullptr, r.attempts)
                                    .arg(at)
                              : CpisResultView::tr("Could not check CP-IS at %1").arg(at);
    return r.attempts > 0
               ? CpisResultView::tr("Could not trace on PDS at %1 (tried %n time(s)): CP-IS was "
                                    "not asked",
                                    nullptr, r.attempts)
                     .arg(at)
               : CpisResultView::tr("Could not trace on PDS at %1: CP-IS was not asked").arg(at);
}

} // namespace

void CpisResultView::setProvenance(const QString& colour,
                                   const QString& textColour,
                                   int icon,
                                   const QString& text)
{
    colourRow(m_provenance, QColor(colour), QColor(textColour));
    setIcon(m_provenanceIcon, icon, 20);
    m_provenanceText->setText(text);
    m_provenance->setAccessibleName(text);
    m_provenance->setVisible(true);
}

QString CpisResultView::provenanceText() const
{
    return m_provenanceText->text();
}

QWidget* CpisResultView::firstAction() const
{
    if (m_retry->isVisibleTo(this))
        return m_retry;
    for (PlanCard* card : m_plans->findChildren<PlanCard*>())
        if (QWidget* first = card->firstAction())
            return first;
    return m_historyView->isVisibleTo(this) ? m_historyView : nullptr;
}

void CpisResultView::showPlans(const LookupResult& r, const QDate& today, const QString& checked)
{
    const QString nhs = r.patient ? r.patient->nhsNumber.display() : r.asked.display();
    int current = 0;
    bool unbornOnly = true;
    std::optional<QDate> lastEnd;
    for (const CpisPlan& p : r.plans) {
        if (p.hasEndedBy(today)) {
            if (p.end && (!lastEnd || *p.end > *lastEnd))
                lastEnd = p.end;
            continue;
        }
        ++current;
        unbornOnly = unbornOnly && p.type == PlanType::UnbornChildProtection;
    }
    const QString contact =
        tr("Contact the responsible local authority as your local procedure says.");
    const QString when = r.fromCache ? tr("The offline copy is from %1.").arg(checked)
                                     : tr("CP-IS was checked at %1.").arg(checked);
    if (current == 0) {
        // Ended plans only: a record to know about, not the alert of a current plan. White on
        // NHS dark grey #425563: 7.6:1.
        setHeader(QStringLiteral("#425563"), QStringLiteral("#ffffff"),
                  QStyle::SP_MessageBoxWarning,
                  lastEnd ? tr("CP-IS: plan ended %1").arg(display::date(*lastEnd))
                          : tr("CP-IS: plan ended"),
                  tr("%n ended plan(s) on CP-IS for NHS No. %1, none current.", nullptr,
                     int(r.plans.size()))
                          .arg(nhs) +
                      QStringLiteral(" ") + when + QStringLiteral(" ") + contact);
    } else if (unbornOnly) {
        const QString mother = r.patient
                                   ? display::patientName(r.patient->familyName,
                                                          r.patient->givenName, r.patient->title)
                                   : nhs;
        // White on NHS red #d5281b: 4.9:1.
        setHeader(QStringLiteral("#d5281b"), QStringLiteral("#ffffff"),
                  QStyle::SP_MessageBoxWarning,
                  tr("CP-IS ALERT: the unborn child of %1 is on an Unborn Child Protection Plan")
                      .arg(mother),
                  tr("%n plan(s) on CP-IS for NHS No. %1", nullptr, int(r.plans.size())).arg(nhs) +
                      QStringLiteral(". ") + when + QStringLiteral(" ") + contact);
    } else {
        setHeader(QStringLiteral("#d5281b"), QStringLiteral("#ffffff"),
                  QStyle::SP_MessageBoxWarning,
                  tr("CP-IS ALERT: this person is known to children's social care"),
                  tr("%n plan(s) on CP-IS for NHS No. %1", nullptr, int(r.plans.size())).arg(nhs) +
                      (current < r.plans.size()
                           ? QStringLiteral(" ") + tr("(%n current)", nullptr, current)
                           : QString()) +
                      QStringLiteral(". ") + when + QStringLiteral(" ") + contact);
    }
    addCards(r, today);
}

void CpisResultView::showUndisplayable(const LookupResult& r, const QString& checked)
{
    const QString nhs = r.patient ? r.patient->nhsNumber.display() : r.asked.display();
    const QString when = r.fromCache ? tr("The offline copy is from %1.").arg(checked)
                                     : tr("CP-IS was checked at %1.").arg(checked);
    // Fail safe: read as a current plan until the authority says otherwise. White on NHS red.
    setHeader(
        QStringLiteral("#d5281b"), QStringLiteral("#ffffff"), QStyle::SP_MessageBoxWarning,
        tr("CP-IS holds a record this desk cannot display: contact the responsible local "
           "authority"),
        tr("CP-IS holds a record for NHS No. %1 of a plan type this desk does not know.").arg(nhs) +
            QStringLiteral(" ") + when + QStringLiteral(" ") +
            tr("Treat it as a current plan and contact the local authority as your local "
               "procedure says."));
}

void CpisResultView::addCards(const LookupResult& r, const QDate& today)
{
    auto withDirectory = [this](PlanCard* card, const QString& ods) {
        if (m_directory) {
            auto local = m_directory->find(ods);
            if (!local)
                card->showLocalDirectoryError(local.error().message);
            else if (local.value())
                card->showLocalDirectory(*local.value());
        }
        m_plansLayout->addWidget(card);
    };
    for (const UndisplayableRecord& u : r.undisplayable) {
        auto* card = new PlanCard(u, m_plans);
        if (u.authority)
            withDirectory(card, u.authority->odsCode);
        else
            m_plansLayout->addWidget(card);
    }
    for (const CpisPlan& p : r.plans)
        withDirectory(new PlanCard(p, today, m_plans), p.authority.odsCode);
    m_plans->setVisible(true);
}

void CpisResultView::showResult(const LookupResult& r, const QDateTime& nowUtc)
{
    clear();
    const QDate today = nowUtc.toLocalTime().date();
    const QString checked = display::dateTime(r.answeredAtUtc);
    const QString nhs = r.patient ? r.patient->nhsNumber.display() : r.asked.display();
    m_cached = r.fromCache && r.state != LookupResult::State::CouldNotCheck;

    // The first line: what this is, and when.
    if (m_cached) {
        // White on NHS purple: 12.6:1.
        setProvenance(QStringLiteral("#330072"), QStringLiteral("#ffffff"), QStyle::SP_DriveNetIcon,
                      tr("OFFLINE COPY from %1 (%2), not a live answer. %3")
                          .arg(checked, ageText(r.answeredAtUtc.secsTo(nowUtc)),
                               LookupResult::reasonText(r.reason, r.retryAfterSecs)));
    } else if (r.state == LookupResult::State::CouldNotCheck) {
        // Black on NHS warm yellow #ffb81c: 11.4:1.
        setProvenance(QStringLiteral("#ffb81c"), QStringLiteral("#000000"),
                      QStyle::SP_MessageBoxCritical, couldNotCheckLine(r, display::time(nowUtc)));
    } else {
        // White on NHS dark green #007f3b: 5.3:1.
        setProvenance(QStringLiteral("#007f3b"), QStringLiteral("#ffffff"),
                      QStyle::SP_DialogApplyButton,
                      tr("Live answer from CP-IS, checked %1").arg(display::time(r.answeredAtUtc)));
    }

    switch (r.state) {
    case LookupResult::State::PlansFound:
        if (!r.undisplayable.isEmpty()) {
            m_shown = Shown::RecordNotDisplayable;
            showUndisplayable(r, checked);
            addCards(r, today);
            break;
        }
        m_shown = Shown::PlansFound;
        showPlans(r, today, checked);
        break;
    case LookupResult::State::NoRecord:
        m_shown = Shown::NoRecord;
        // White on NHS blue #005eb8: 6.7:1.
        setHeader(QStringLiteral("#005eb8"), QStringLiteral("#ffffff"),
                  QStyle::SP_MessageBoxInformation, tr("No CP-IS record found"),
                  r.fromCache
                      ? tr("The offline copy of %2 says CP-IS held no Child Protection Plan, "
                           "Looked After Child or Unborn Child Protection Plan record for NHS "
                           "No. %1. This is not a live answer.")
                                .arg(nhs, checked) +
                            QStringLiteral(" ") +
                            tr("This does not mean the child is safe: use your professional "
                               "judgement.")
                      : tr("CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection "
                           "Plan, Looked After Child or Unborn Child Protection Plan record. This "
                           "does not mean the child is safe: use your professional judgement.")
                            .arg(nhs, checked));
        break;
    case LookupResult::State::CouldNotCheck:
        m_shown = Shown::CouldNotCheck;
        const bool traced = r.cpisAsked || r.reason == LookupResult::Reason::NotPermitted ||
                            r.reason == LookupResult::Reason::SignInExpired;
        // Black on NHS warm yellow #ffb81c: 11.4:1.
        setHeader(QStringLiteral("#ffb81c"), QStringLiteral("#000000"),
                  QStyle::SP_MessageBoxCritical,
                  traced ? tr("CP-IS COULD NOT BE CHECKED") : tr("COULD NOT TRACE THIS NHS NUMBER"),
                  LookupResult::reasonText(r.reason, r.retryAfterSecs) + QStringLiteral(" ") +
                      tr("Follow local safeguarding procedure."));
        if (r.reason == LookupResult::Reason::RateLimited && r.retryAfterSecs > 0) {
            m_secondsLeft = r.retryAfterSecs;
            m_countdown->start();
        } else if (r.cpisAsked) {
            m_retry->setVisible(true);
        }
        break;
    }

    if (r.cpisAsked && !r.fromCache && r.state != LookupResult::State::CouldNotCheck) {
        m_notified->setText(
            r.notificationSent ? tr("The responsible local authority was notified of this look-up "
                                    "(unscheduled care).")
            : r.state == LookupResult::State::PlansFound
                ? tr("The local authority was not notified: this was a read that does not "
                     "notify (scheduled care, or your role).")
                : tr("No local authority was notified: there is no plan."));
        m_notified->setVisible(true);
    } else if (r.cpisAsked) {
        m_notified->setText(tr("No local authority was notified by this look-up."));
        m_notified->setVisible(true);
    }

    if (r.state != LookupResult::State::CouldNotCheck) {
        m_historyLabel->setVisible(true);
        if (r.historyUnavailable) {
            m_historyLabel->setText(tr("Access history could not be loaded."));
        } else {
            m_historyLabel->setText(tr("Access history (most recent 25)"));
            m_history->setRecords(r.accessHistory);
            m_historyView->setVisible(true);
        }
    }

    QString a11y = m_provenanceText->text() + QStringLiteral(". ") + m_title->text();
    m_header->setAccessibleName(m_title->text());
    m_header->setAccessibleDescription(m_detail->text());
    setAccessibleName(a11y);
}

void CpisResultView::countDown()
{
    --m_secondsLeft;
    if (m_secondsLeft > 0) {
        m_detail->setText(
            LookupResult::reasonText(LookupResult::Reason::RateLimited, m_secondsLeft) +
            QStringLiteral(" ") + tr("Follow local safeguarding procedure."));
        return;
    }
    m_countdown->stop();
    m_detail->setText(tr("CP-IS asked the desk to wait; you can try again now.") +
                      QStringLiteral(" ") + tr("Follow local safeguarding procedure."));
    m_retry->setVisible(true);
}

void CpisResultView::clear()
{
    m_shown = Shown::Nothing;
    m_cached = false;
    m_countdown->stop();
    m_secondsLeft = 0;
    m_retry->setVisible(false);
    m_provenance->setVisible(false);
    m_provenanceText->clear();
    m_notified->clear();
    m_notified->setVisible(false);
    m_header->setVisible(false);
    m_title->clear();
    m_detail->clear();
    while (QLayoutItem* item = m_plansLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_plans->setVisible(false);
    m_history->clear();
    m_historyView->setVisible(false);
    m_historyLabel->setVisible(false);
    setAccessibleName(tr("CP-IS result"));
}

} // namespace cpis::ui
