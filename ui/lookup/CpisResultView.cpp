#include "ui/lookup/CpisResultView.h"

#include "core/directory/LocalDirectory.h"
#include "core/domain/DisplayFormat.h"
#include "ui/lookup/AccessHistoryModel.h"
#include "ui/lookup/PlanCard.h"
#include "ui/widgets/PlainLabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace cpis::ui {

CpisResultView::CpisResultView(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("cpisResultView"));
    auto* layout = new QVBoxLayout(this);

    m_header = new QWidget(this);
    m_header->setObjectName(QStringLiteral("cpisState"));
    m_header->setAttribute(Qt::WA_StyledBackground);
    // The state keeps its own height; spare room goes below, not into a tall coloured block.
    m_header->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* headerLayout = new QHBoxLayout(m_header);
    m_icon = new PlainLabel(m_header);
    m_icon->setObjectName(QStringLiteral("cpisStateIcon"));
    headerLayout->addWidget(m_icon, 0, Qt::AlignTop);
    auto* words = new QVBoxLayout;
    m_title = new PlainLabel(m_header);
    m_title->setObjectName(QStringLiteral("cpisStateTitle"));
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.5);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_detail = new PlainLabel(m_header);
    m_detail->setObjectName(QStringLiteral("cpisStateDetail"));
    m_detail->setWordWrap(true);
    words->addWidget(m_title);
    words->addWidget(m_detail);
    headerLayout->addLayout(words, 1);
    layout->addWidget(m_header);

    m_cacheNotice = new PlainLabel(this);
    m_cacheNotice->setObjectName(QStringLiteral("cacheNotice"));
    m_cacheNotice->setWordWrap(true);
    // White on NHS purple: 12.6:1.
    m_cacheNotice->setStyleSheet(QStringLiteral(
        "QLabel { background: #330072; color: #ffffff; font-weight: bold; padding: 6px; }"));
    layout->addWidget(m_cacheNotice);

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
    // The time keeps its width; the names share the rest, elided with the whole in a tooltip.
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_historyView->horizontalHeader()->setSectionResizeMode(AccessHistoryModel::When,
                                                            QHeaderView::ResizeToContents);
    m_historyLabel->setBuddy(m_historyView);
    layout->addWidget(m_historyView, 1);
    layout->addStretch(0);
    clear();
}

void CpisResultView::setHeader(const QString& colour,
                               const QString& textColour,
                               int icon,
                               const QString& title,
                               const QString& detail)
{
    m_header->setStyleSheet(QStringLiteral("#cpisState { background: %1; }"
                                           "#cpisState QLabel { color: %2; }")
                                .arg(colour, textColour));
    m_icon->setPixmap(style()->standardIcon(QStyle::StandardPixmap(icon)).pixmap(48, 48));
    m_title->setText(title);
    m_detail->setText(detail);
    m_header->setVisible(true);
}

void CpisResultView::showResult(const LookupResult& r, const QDateTime& nowUtc)
{
    clear();
    const QDate today = nowUtc.toLocalTime().date();
    const QString checked = display::dateTime(r.answeredAtUtc);
    const QString nhs = r.patient ? r.patient->nhsNumber.display() : r.asked.display();

    switch (r.state) {
    case LookupResult::State::PlansFound: {
        m_shown = Shown::PlansFound;
        int current = 0;
        for (const CpisPlan& p : r.plans)
            current += p.hasEndedBy(today) ? 0 : 1;
        // White on NHS red #d5281b: 4.9:1.
        setHeader(QStringLiteral("#d5281b"), QStringLiteral("#ffffff"),
                  QStyle::SP_MessageBoxWarning,
                  tr("CP-IS ALERT: this person is known to children's social care"),
                  tr("%n plan(s) on CP-IS for NHS No. %1", nullptr, int(r.plans.size())).arg(nhs) +
                      (current == 0 ? QStringLiteral(" ") + tr("(all ended)") : QString()) +
                      QStringLiteral(". ") +
                      tr("Contact the responsible local authority as your local procedure says."));
        for (const CpisPlan& p : r.plans) {
            auto* card = new PlanCard(p, today, m_plans);
            if (m_directory) {
                auto local = m_directory->find(p.authority.odsCode);
                if (!local)
                    card->showLocalDirectoryError(local.error().message);
                else if (local.value())
                    card->showLocalDirectory(*local.value());
            }
            m_plansLayout->addWidget(card);
        }
        m_plans->setVisible(true);
        break;
    }
    case LookupResult::State::NoRecord:
        m_shown = Shown::NoRecord;
        // White on NHS blue #005eb8: 6.7:1.
        setHeader(QStringLiteral("#005eb8"), QStringLiteral("#ffffff"),
                  QStyle::SP_MessageBoxInformation, tr("No CP-IS record found"),
                  tr("CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, "
                     "Looked After Child or Unborn Child Protection Plan record. This does not "
                     "mean the child is safe: use your professional judgement.")
                      .arg(nhs, checked));
        break;
    case LookupResult::State::CouldNotCheck:
        m_shown = Shown::CouldNotCheck;
        // Black on NHS warm yellow #ffb81c: 11.4:1.
        setHeader(QStringLiteral("#ffb81c"), QStringLiteral("#000000"),
                  QStyle::SP_MessageBoxCritical, tr("CP-IS COULD NOT BE CHECKED"),
                  LookupResult::reasonText(r.reason, r.retryAfterSecs) + QStringLiteral(" ") +
                      tr("Follow local safeguarding procedure."));
        break;
    }

    if (r.fromCache && r.state != LookupResult::State::CouldNotCheck) {
        const qint64 hours = r.answeredAtUtc.secsTo(nowUtc) / 3600;
        m_cacheNotice->setText(
            tr("OFFLINE COPY, as of %1 (%n hour(s) old), not a live answer. %2", nullptr,
               int(hours))
                .arg(checked, LookupResult::reasonText(r.reason, r.retryAfterSecs)));
        m_cacheNotice->setVisible(true);
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

    QString a11y = m_title->text();
    if (showsCachedAnswer())
        a11y += QStringLiteral(". ") + m_cacheNotice->text();
    m_header->setAccessibleName(a11y);
    m_header->setAccessibleDescription(m_detail->text());
    setAccessibleName(a11y);
}

void CpisResultView::clear()
{
    m_shown = Shown::Nothing;
    m_header->setVisible(false);
    m_title->clear();
    m_detail->clear();
    m_icon->clear();
    m_cacheNotice->clear();
    m_cacheNotice->setVisible(false);
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

bool CpisResultView::showsCachedAnswer() const
{
    return !m_cacheNotice->text().isEmpty();
}

} // namespace cpis::ui
