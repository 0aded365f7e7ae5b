#include "ui/review/ReviewView.h"

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "core/domain/NhsNumber.h"
#include "core/domain/PlanType.h"
#include "ui/review/ReviewQueueModel.h"
#include "ui/widgets/PlainLabel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QShowEvent>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace cpis::ui {

namespace {
const QList<ReviewStatus> kStatuses{ReviewStatus::ToReview, ReviewStatus::Referred,
                                    ReviewStatus::NoFurtherAction};
} // namespace

ReviewView::ReviewView(ReviewService* service,
                       const Clock* clock,
                       const UserSession& session,
                       QWidget* parent)
    : QWidget(parent), m_service(service), m_clock(clock), m_session(session)
{
    setObjectName(QStringLiteral("reviewView"));
    setAccessibleName(tr("Review of CP-IS positives at %1").arg(session.organisationName));

    m_refreshed = new PlainLabel(this);
    m_refreshed->setObjectName(QStringLiteral("reviewRefreshed"));
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setAccessibleName(tr("Refresh the review queue"));
    m_refresh->setToolTip(tr("Read the site's positives again (F5)"));
    m_problem = new PlainLabel(this);
    m_problem->setObjectName(QStringLiteral("reviewProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #8a1f11; font-weight: bold;"));
    m_problem->hide();

    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("reviewFilter"));
    for (ReviewStatus s : kStatuses)
        m_filter->addItem(ReviewQueueModel::statusText(s), int(s));
    m_filter->addItem(tr("All"), -1);
    m_filter->setAccessibleName(tr("Show positives with status"));
    auto* filterLabel = new PlainLabel(tr("&Show:"), this);
    filterLabel->setBuddy(m_filter);
    m_planFilter = new QComboBox(this);
    m_planFilter->setObjectName(QStringLiteral("reviewPlanFilter"));
    m_planFilter->addItem(tr("Every plan type"), -1);
    for (PlanType t :
         {PlanType::ChildProtection, PlanType::LookedAfter, PlanType::UnbornChildProtection})
        m_planFilter->addItem(planTypeShortName(t), int(t));
    m_planFilter->setAccessibleName(tr("Show positives with plan type"));
    auto* planLabel = new PlainLabel(tr("&Plan type:"), this);
    planLabel->setBuddy(m_planFilter);

    m_model = new ReviewQueueModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("reviewQueue"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the status editor
    m_table->verticalHeader()->hide();
    // Every column as wide as what it shows; the note takes the rest.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReviewQueueModel::Note, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("CP-IS positives at this site"));
    m_table->setAccessibleDescription(
        tr("Newest first. Up and Down choose a positive; Tab moves to its status and note."));

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    for (ReviewStatus s : kStatuses)
        m_status->addItem(ReviewQueueModel::statusText(s), int(s));
    m_status->setAccessibleName(tr("Status of the selected positive"));
    auto* statusLabel = new PlainLabel(tr("S&tatus:"), this);
    statusLabel->setBuddy(m_status);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("reviewNote"));
    m_note->setAccessibleName(tr("Note on the selected positive"));
    m_note->setPlaceholderText(tr("What was done, and by whom"));
    auto* noteLabel = new PlainLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    m_editing = new PlainLabel(this);
    m_editing->setObjectName(QStringLiteral("reviewEditing"));
    m_saved = new PlainLabel(this);
    m_saved->setObjectName(QStringLiteral("reviewSaved"));
    m_saved->hide();
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("reviewSave"));
    m_save->setAccessibleName(tr("Save the status and note"));
    m_save->setToolTip(tr("Save the status and note (Ctrl+S)"));

    auto* chart = new QChart;
    chart->setTitle(tr("Positives per day, last %1 days").arg(kDays));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    m_chart = new QChartView(chart, this);
    m_chart->setObjectName(QStringLiteral("reviewChart"));
    m_chart->setMinimumHeight(180);
    m_chart->setFocusPolicy(Qt::TabFocus); // so a screen reader user can reach its description
    m_chart->setAccessibleName(tr("Chart of positives per day"));

    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    top->addWidget(planLabel);
    top->addWidget(m_planFilter);
    top->addStretch(1);
    top->addWidget(m_refreshed);
    top->addWidget(m_refresh);
    auto* editor = new QHBoxLayout;
    editor->addWidget(m_editing);
    editor->addWidget(statusLabel);
    editor->addWidget(m_status);
    editor->addWidget(noteLabel);
    editor->addWidget(m_note, 1);
    editor->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 3);
    layout->addLayout(editor);
    layout->addWidget(m_saved);
    layout->addWidget(m_chart, 2);

    // The queue first (the screen's focus goes to it, and Tab from the tab bar lands on it), then
    // what edits the selected positive, then the filter and the rest.
    setTabOrder(m_table, m_status);
    setTabOrder(m_status, m_note);
    setTabOrder(m_note, m_save);
    setTabOrder(m_save, m_filter);
    setTabOrder(m_filter, m_planFilter);
    setTabOrder(m_planFilter, m_refresh);
    setTabOrder(m_refresh, m_chart);
    setFocusProxy(m_table);

    connect(m_refresh, &QPushButton::clicked, this, &ReviewView::refresh);
    connect(m_save, &QPushButton::clicked, this, &ReviewView::save);
    // Anywhere in this screen, not only with the button focused.
    auto* saveKey =
        new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &ReviewView::save);
    connect(m_note, &QLineEdit::returnPressed, this, &ReviewView::save);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int s = m_filter->currentData().toInt();
        const QString keep = selectedId();
        m_model->setStatusFilter(s < 0 ? std::nullopt : std::optional(ReviewStatus(s)));
        const int row = qMax(0, m_model->rowOf(keep));
        if (m_model->rowCount() > 0)
            m_table->selectRow(row);
        showSelected();
    });
    connect(m_planFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int t = m_planFilter->currentData().toInt();
        const QString keep = selectedId();
        m_model->setPlanFilter(t < 0 ? std::nullopt : std::optional(PlanType(t)));
        const int row = qMax(0, m_model->rowOf(keep));
        if (m_model->rowCount() > 0)
            m_table->selectRow(row);
        showSelected();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewView::showSelected);

    reload();
    refresh();
}

ReviewView::~ReviewView() = default;

void ReviewView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!event->spontaneous())
        refresh();
}

QString ReviewView::selectedId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->item(current.row()).id : QString();
}

void ReviewView::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setAccessibleName(text);
    m_problem->setVisible(!text.isEmpty());
}

void ReviewView::reload()
{
    const QString keep = selectedId();
    const int keepRow = m_table->currentIndex().row();
    auto items = m_service->items(m_session);
    if (!items) {
        showProblem(tr("The review queue could not be read from this computer's store: %1")
                        .arg(items.error().message));
        return;
    }
    m_model->setItems(items.value());
    if (m_model->rowCount() > 0) {
        // The same positive if it is still shown, else the one that took its place.
        int row = m_model->rowOf(keep);
        if (row < 0)
            row = qBound(0, keepRow, m_model->rowCount() - 1);
        m_table->selectRow(row);
    }
    showSelected();

    const auto last = m_service->lastRefreshed(m_session);
    const QString text = last && last.value()
                             ? tr("Last refreshed %1").arg(display::dateTime(*last.value()))
                             : tr("Never refreshed");
    m_refreshed->setText(text);
    m_refreshed->setAccessibleName(text);
    layout()->activate(); // the label's new width now, not at the next pass of the event loop
    updateChart();
}

void ReviewView::showSelected()
{
    const QModelIndex current = m_table->currentIndex();
    const bool has = current.isValid();
    m_status->setEnabled(has);
    m_note->setEnabled(has);
    m_save->setEnabled(has);
    if (!has) {
        m_note->clear();
        m_editing->setText(tr("No positive selected"));
        return;
    }
    const ReviewItem& it = m_model->item(current.row());
    const auto nhs = NhsNumber::parse(it.nhsNumber);
    const QString editing =
        tr("Editing %1 (%2):").arg(nhs ? nhs->display() : it.nhsNumber, display::dateTime(it.when));
    m_editing->setText(editing);
    m_status->setAccessibleName(tr("Status of %1").arg(nhs ? nhs->display() : it.nhsNumber));
    m_note->setAccessibleName(tr("Note on %1").arg(nhs ? nhs->display() : it.nhsNumber));
    m_status->setCurrentIndex(m_status->findData(int(it.status)));
    m_note->setText(it.note);
}

void ReviewView::updateChart()
{
    QChart* chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis); // hands the axis back to us
        delete axis;
    }
    const auto counts = m_service->dailyCounts(m_session, kDays);
    if (!counts)
        return;
    auto* set = new QBarSet(tr("Positives"));
    QStringList days;
    int total = 0;
    ReviewService::DailyCount busiest;
    for (const ReviewService::DailyCount& c : counts.value()) {
        set->append(c.count);
        days << c.day.toString(QStringLiteral("dd/MM"));
        total += c.count;
        if (c.count > busiest.count)
            busiest = c;
    }
    auto* series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(days);
    x->setLabelsAngle(-90);
    auto* y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    // Whole numbers, evenly spaced: at most five steps of a whole size, the top a multiple of it.
    const int step = qMax(1, (busiest.count + 4) / 5);
    const int top = qMax(1, (busiest.count + step - 1) / step) * step;
    y->setRange(0, top);
    y->setTickCount(top / step + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    m_chart->setAccessibleDescription(
        busiest.count > 0
            ? tr("%1 positives over the last %2 days; the busiest day was %3 with %4.")
                  .arg(total)
                  .arg(kDays)
                  .arg(display::date(busiest.day))
                  .arg(busiest.count)
            : tr("No positives over the last %1 days.").arg(kDays));
}

void ReviewView::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_refresh->setEnabled(false);
    const QDate since = m_clock->nowUtc().date().addDays(-(kDays - 1));
    m_service->refresh(m_session, since, this, [this](const Status<ReviewService::Error>& s) {
        m_refreshing = false;
        m_refresh->setEnabled(true);
        if (s) {
            showProblem(QString());
            showQueue(true);
            reload();
        } else {
            showUnavailable(s.error());
        }
        emit refreshFinished(s.ok());
    });
}

// Never "nothing to review": without the hub there is no queue to show, and the screen says
// why and since when.
// Without a queue, Tab starts at Refresh and the filters, with nothing to filter, are off.
void ReviewView::showQueue(bool shown)
{
    m_table->setVisible(shown);
    m_filter->setEnabled(shown);
    m_planFilter->setEnabled(shown);
    setFocusProxy(shown ? static_cast<QWidget*>(m_table) : m_refresh);
}

void ReviewView::showUnavailable(const ReviewService::Error& error)
{
    if (error.kind == ReviewService::Error::Kind::NoHub) {
        m_model->setItems({});
        showQueue(false);
        showProblem(tr("Review needs the trust's audit hub, where the site's positives are "
                       "kept. This desk is not set up to use one, so there is no queue to "
                       "show."));
        m_refreshed->setText(tr("No audit hub"));
        m_refreshed->setAccessibleName(m_refreshed->text());
        showSelected();
        return;
    }
    const auto since = m_service->unavailableSince();
    const QString when = display::time(since ? *since : m_clock->nowUtc());
    const auto last = m_service->lastRefreshed(m_session);
    if (last && last.value()) {
        showProblem(tr("Review unavailable since %1 (%2). The queue below is as of %3.")
                        .arg(when, error.message, display::dateTime(*last.value())));
    } else {
        m_model->setItems({});
        showQueue(false);
        showProblem(tr("Review unavailable since %1 (%2). The site's positives could not be "
                       "read: this is not an empty queue.")
                        .arg(when, error.message));
        showSelected();
    }
}

void ReviewView::save()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const ReviewItem item = m_model->item(m_table->currentIndex().row());
    const auto status = ReviewStatus(m_status->currentData().toInt());
    m_save->setEnabled(false);
    m_service->setStatus(m_session, id, status, m_note->text(), this,
                         [this, item, status](const Status<ReviewService::Error>& s) {
                             m_save->setEnabled(true);
                             if (!s) {
                                 m_saved->hide();
                                 if (s.error().kind == ReviewService::Error::Kind::Service)
                                     showUnavailable(s.error());
                                 showProblem(
                                     tr("The status was not saved: %1").arg(s.error().message));
                                 emit saved(false);
                                 return;
                             }
                             const auto nhs = NhsNumber::parse(item.nhsNumber);
                             const QString text = tr("Saved: %1 → %2")
                                                      .arg(nhs ? nhs->display() : item.nhsNumber,
                                                           ReviewQueueModel::statusText(status));
                             m_saved->setText(text);
                             m_saved->setAccessibleName(text);
                             m_saved->show();
                             showProblem(QString());
                             reload();
                             m_table->setFocus();
                             emit saved(true);
                         });
}

} // namespace cpis::ui
