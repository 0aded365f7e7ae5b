#include "ui/notices/NoticesView.h"

#include "core/domain/Clock.h"
#include "core/domain/DisplayFormat.h"
#include "core/domain/PlanType.h"
#include "ui/notices/NoticeFilterModel.h"
#include "ui/notices/NoticeModel.h"
#include "ui/widgets/DesktopNotifier.h"
#include "ui/widgets/PlainLabel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTableView>
#include <QVBoxLayout>

namespace cpis::ui {

namespace {
// A QDateEdit at its minimum shows "Any" and means "no bound".
const QDate kAnyDate(2000, 1, 1);

// Tab leaves the field at once. QDateEdit's own Tab walks day, month and year first, and while
// it shows the "Any" text it never gets past them: a keyboard trap.
class DateFilterEdit final : public QDateEdit
{
public:
    using QDateEdit::QDateEdit;

protected:
    bool focusNextPrevChild(bool next) override { return QWidget::focusNextPrevChild(next); }
};

QDateEdit* dateFilter(const QString& name, QWidget* parent)
{
    auto* edit = new DateFilterEdit(parent);
    edit->setObjectName(name);
    edit->setDisplayFormat(QStringLiteral("dd-MMM-yyyy"));
    edit->setMinimumDate(kAnyDate);
    edit->setSpecialValueText(NoticesView::tr("Any"));
    edit->setDate(kAnyDate);
    edit->setCalendarPopup(true);
    return edit;
}
} // namespace

NoticesView::NoticesView(std::unique_ptr<NoticeService> service,
                         DesktopNotifier* notifier,
                         const Clock& clock,
                         QWidget* parent)
    : QWidget(parent), m_service(std::move(service)), m_notifier(notifier), m_clock(clock)
{
    setObjectName(QStringLiteral("noticesView"));
    setAccessibleName(tr("Attendance notices"));
    m_model = new NoticeModel(this);
    m_filter = new NoticeFilterModel(this);
    m_filter->setSourceModel(m_model);

    // Top line: when the mailbox was last checked, or why it could not be.
    m_status = new PlainLabel(tr("Checking for notices…"), this);
    m_status->setObjectName(QStringLiteral("noticesCheckStatus"));
    m_status->setWordWrap(true);
    m_status->setAccessibleName(m_status->text());
    m_check = new QPushButton(tr("&Check now"), this);
    m_check->setObjectName(QStringLiteral("noticesCheckNow"));
    m_check->setAccessibleName(tr("Check for new notices now"));

    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("noticesStatusTabs"));
    m_tabs->addTab(tr("New"));
    m_tabs->addTab(tr("Acknowledged"));
    m_tabs->setAccessibleName(tr("Show new or acknowledged notices"));
    m_tabs->setFocusPolicy(Qt::StrongFocus);
    // The tabs share the status line, so the filters below have the window's whole width.
    auto* top = new QHBoxLayout;
    top->addWidget(m_tabs);
    top->addSpacing(12);
    top->addWidget(m_status, 1);
    // A large MESH message downloads in chunks: its progress, and a way to stop it.
    m_download = new QProgressBar(this);
    m_download->setObjectName(QStringLiteral("noticesDownload"));
    m_download->setAccessibleName(tr("Downloading a message from the mailbox"));
    m_download->setVisible(false);
    m_cancelDownload = new QPushButton(tr("Stop download"), this);
    m_cancelDownload->setObjectName(QStringLiteral("noticesStopDownload"));
    m_cancelDownload->setVisible(false);
    top->addWidget(m_download);
    top->addWidget(m_cancelDownload);
    top->addWidget(m_check);

    m_child = new QLineEdit(this);
    m_child->setObjectName(QStringLiteral("noticesChildFilter"));
    m_child->setPlaceholderText(tr("NHS number or LA child id"));
    m_child->setClearButtonEnabled(true);
    m_child->setAccessibleName(tr("Filter by child: NHS number or local authority child id"));
    m_from = dateFilter(QStringLiteral("noticesFromDate"), this);
    m_from->setAccessibleName(tr("Looked up on or after"));
    m_to = dateFilter(QStringLiteral("noticesToDate"), this);
    m_to->setAccessibleName(tr("Looked up on or before"));
    m_site = new QComboBox(this);
    m_site->setObjectName(QStringLiteral("noticesSiteFilter"));
    m_site->setAccessibleName(tr("Filter by site"));
    m_site->addItem(tr("All sites"), QString());
    // A long site name is elided in the box; the whole of it is in the tooltip.
    m_site->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_site->setMinimumContentsLength(14);
    auto* childLabel = new PlainLabel(tr("C&hild:"), this);
    childLabel->setBuddy(m_child);
    auto* fromLabel = new PlainLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new PlainLabel(tr("&To:"), this);
    toLabel->setBuddy(m_to);
    auto* siteLabel = new PlainLabel(tr("&Site:"), this);
    siteLabel->setBuddy(m_site);
    auto* filters = new QHBoxLayout;
    filters->addWidget(childLabel);
    filters->addWidget(m_child, 1);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addWidget(siteLabel);
    filters->addWidget(m_site, 1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("noticesTable"));
    m_table->setAccessibleName(tr("Attendance notices"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NoticeModel::When, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    // Short columns keep their width; the viewer and the site share the rest, elided with
    // the whole text in the tooltip, so the table never scrolls sideways.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(NoticeModel::Viewer, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(NoticeModel::Site, QHeaderView::Stretch);
    m_table->setTabKeyNavigation(false);
    m_table->setWordWrap(false);

    // The detail pane: every field of the selected notice, selectable for copying.
    m_detail = new QWidget(this);
    m_detail->setObjectName(QStringLiteral("noticeDetail"));
    m_detail->setAccessibleName(tr("Notice detail"));
    auto* form = new QFormLayout(m_detail);
    const QStringList fields{tr("NHS number:"), tr("LA child id:"), tr("Plan:"),
                             tr("Looked up:"),  tr("By:"),          tr("Role:"),
                             tr("Site:"),       tr("Received:"),    tr("Acknowledged:")};
    for (const QString& f : fields) {
        auto* value = new PlainLabel(m_detail);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true); // a long role or site wraps in the narrow pane
        form->addRow(PlainLabel::forField(f, value), value);
        m_detailValues.append(value);
    }
    m_acknowledge = new QPushButton(tr("&Acknowledge (Ctrl+K)"), m_detail);
    m_acknowledge->setObjectName(QStringLiteral("noticeAcknowledge"));
    m_acknowledge->setAccessibleName(tr("Acknowledge the selected notice"));
    m_acknowledge->setEnabled(false);
    m_action = new PlainLabel(m_detail);
    m_action->setObjectName(QStringLiteral("noticeActionStatus"));
    m_action->setWordWrap(true);
    m_action->setAccessibleName(tr("Acknowledgement status"));
    form->addRow(m_acknowledge);
    form->addRow(m_action);

    m_detail->setMinimumWidth(240);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    setTabOrder(m_table, m_acknowledge);
    setTabOrder(m_acknowledge, m_tabs);
    setTabOrder(m_tabs, m_child);
    setTabOrder(m_child, m_from);
    setTabOrder(m_from, m_to);
    setTabOrder(m_to, m_site);
    setTabOrder(m_site, m_check);
    setFocusProxy(m_table);

    auto* ack = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), this);
    ack->setContext(Qt::WidgetWithChildrenShortcut);
    connect(ack, &QShortcut::activated, this, &NoticesView::acknowledgeCurrent);
    connect(m_acknowledge, &QPushButton::clicked, this, &NoticesView::acknowledgeCurrent);
    connect(m_check, &QPushButton::clicked, m_service.get(), &NoticeService::checkNow);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        m_filter->setShowAcknowledged(index == 1);
        onCurrentChanged();
    });
    connect(m_child, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setChildText(text);
        onCurrentChanged();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &NoticesView::applyDates);
    connect(m_to, &QDateEdit::dateChanged, this, &NoticesView::applyDates);
    connect(m_site, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setSite(m_site->currentData().toString());
        m_site->setToolTip(m_site->currentText());
        m_site->setToolTip(m_site->currentText());
        onCurrentChanged();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NoticesView::onCurrentChanged);
    connect(m_service.get(), &NoticeService::checked, this, &NoticesView::showChecked);
    connect(m_service.get(), &NoticeService::checked, this, [this] {
        m_download->setVisible(false);
        m_cancelDownload->setVisible(false);
    });
    connect(m_service.get(), &NoticeService::downloadProgress, this,
            [this](const QString&, qint64 bytes, int chunk, int chunks) {
                m_download->setRange(0, chunks);
                m_download->setValue(chunk);
                m_download->setFormat(
                    tr("%1 MB, part %2 of %3").arg(bytes / (1024 * 1024)).arg(chunk).arg(chunks));
                m_download->setVisible(chunks > 1 || bytes > 1024 * 1024);
                m_cancelDownload->setVisible(m_download->isVisible());
            });
    connect(m_cancelDownload, &QPushButton::clicked, m_service.get(),
            &NoticeService::cancelDownload);
    connect(m_service.get(), &NoticeService::newNotices, this, &NoticesView::onNewNotices);
    connect(m_service.get(), &NoticeService::acknowledgeFinished, this,
            &NoticesView::onAcknowledged);

    showDetail(nullptr);
    reload(); // what this desk already holds shows while the first check runs
    m_service->start();
}

NoticesView::~NoticesView()
{
    // The children go after this object is no longer a NoticesView: nothing they emit on the
    // way out (a selection model losing its model) may reach a slot here, let alone audit.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
    m_service->disconnect(this);
    m_service->stop();
}

void NoticesView::reload()
{
    const AttendanceNotice* current = currentNotice();
    const QString keepMessage = current ? current->messageId : QString();
    const QString keepEvent = current ? current->eventId : QString();
    auto notices = m_service->notices();
    if (!notices) {
        // Said, not hidden: an empty table here would read as "no notices".
        m_model->setNotices({});
        m_action->setText(
            tr("The stored notices could not be read: %1").arg(notices.error().message));
        m_action->setAccessibleName(m_action->text());
    } else {
        m_model->setNotices(notices.value());
    }
    rebuildSites();
    updateTabs();
    const int row = m_model->rowOf(keepMessage, keepEvent);
    const QModelIndex at =
        row >= 0 ? m_filter->mapFromSource(m_model->index(row, 0)) : QModelIndex();
    // Only the notice the user had open comes back: picking one for them would put a view of
    // a child they never looked at in the audit log.
    if (at.isValid())
        m_table->setCurrentIndex(at);
    m_table->resizeColumnsToContents();
    onCurrentChanged();
    emit noticesShown();
}

void NoticesView::rebuildSites()
{
    const QString chosen = m_site->currentData().toString();
    QMap<QString, QString> sites; // ODS code → name, sorted by code
    for (const AttendanceNotice& n : m_model->notices())
        sites.insert(n.organisationCode, n.organisationName);
    const QSignalBlocker block(m_site);
    m_site->clear();
    m_site->addItem(tr("All sites"), QString());
    for (auto it = sites.constBegin(); it != sites.constEnd(); ++it) {
        m_site->addItem(it.value() + QStringLiteral(" (") + it.key() + u')', it.key());
        m_site->setItemData(m_site->count() - 1, m_site->itemText(m_site->count() - 1),
                            Qt::ToolTipRole);
    }
    const int keep = m_site->findData(chosen);
    m_site->setCurrentIndex(keep < 0 ? 0 : keep);
    m_filter->setSite(m_site->currentData().toString());
}

void NoticesView::updateTabs()
{
    int fresh = 0;
    for (const AttendanceNotice& n : m_model->notices())
        fresh += n.isAcknowledged() ? 0 : 1;
    m_tabs->setTabText(0, tr("New (%1)").arg(fresh));
    m_tabs->setTabText(1, tr("Acknowledged (%1)").arg(m_model->notices().size() - fresh));
}

void NoticesView::applyDates()
{
    const QDate from = m_from->date() == kAnyDate ? QDate() : m_from->date();
    const QDate to = m_to->date() == kAnyDate ? QDate() : m_to->date();
    m_filter->setDateRange(from, to);
    onCurrentChanged();
}

void NoticesView::showChecked()
{
    const NoticeService::State& s = m_service->state();
    const QString last =
        s.lastSuccessUtc.isValid() ? display::dateTime(s.lastSuccessUtc) : tr("never");
    if (s.error.isEmpty()) {
        m_status->setText(tr("Last checked: %1").arg(last));
        m_status->setStyleSheet(QString());
    } else {
        const int minutes = qMax(1, (m_service->nextIntervalMs() + 59999) / 60000);
        m_status->setText(tr("Could not check for new notices at %1: %2 Last successful check: "
                             "%3. New notices may be missing from this list. Next try in %4 "
                             "min.")
                              .arg(display::time(s.lastAttemptUtc), s.error, last)
                              .arg(minutes));
        m_status->setStyleSheet(QStringLiteral("color: #a00000; font-weight: bold;"));
    }
    m_status->setAccessibleName(m_status->text());
    reload();
}

void NoticesView::onNewNotices(int count)
{
    // Counts only: the notification may show on a screen others can see.
    if (m_notifier && count > 0)
        m_notifier->notify(tr("CP-IS Desk"), tr("%n new attendance notice(s)", nullptr, count));
}

const AttendanceNotice* NoticesView::currentNotice() const
{
    const QModelIndex i = m_table->currentIndex();
    if (!i.isValid())
        return nullptr;
    const QModelIndex source = m_filter->mapToSource(i);
    if (!source.isValid())
        return nullptr;
    return &m_model->notice(source.row());
}

void NoticesView::onCurrentChanged()
{
    showDetail(currentNotice());
}

void NoticesView::showDetail(const AttendanceNotice* n)
{
    if (!n) {
        for (QLabel* l : std::as_const(m_detailValues))
            l->clear();
        m_acknowledge->setEnabled(false);
        return;
    }
    const QStringList values{
        n->nhsNumber.display(),
        n->localChildId,
        n->isNotice() ? (n->planType ? planTypeText(*n->planType) : QString())
                      : (n->kind == AttendanceNotice::Kind::Unreadable
                             ? tr("A notice could not be read (MESH message %1)").arg(n->messageId)
                             : tr("MESH delivery error (message %1)").arg(n->messageId)),
        display::dateTime(n->whenUtc),
        n->systemId.isEmpty() ? n->viewerName : tr("System %1").arg(n->systemId),
        n->isNotice() ? n->viewerRole : n->problem,
        n->isNotice()
            ? QString(n->organisationName + QStringLiteral(" (") + n->organisationCode + u')')
            : QString(),
        display::dateTime(n->receivedUtc),
        n->isAcknowledged()
            ? tr("%1 by %2").arg(display::dateTime(n->acknowledgedUtc), n->acknowledgedBy)
            : tr("Not yet")};
    for (int i = 0; i < values.size(); ++i) {
        m_detailValues.at(i)->setText(values.at(i));
        m_detailValues.at(i)->setAccessibleName(values.at(i));
    }
    m_acknowledge->setEnabled(!n->isAcknowledged() && !m_service->isAcknowledging(n->messageId));
    if (const QString problem = m_service->recordView(*n); !problem.isEmpty()) {
        m_action->setText(tr("Warning: opening this notice could not be recorded in the audit "
                             "log: %1")
                              .arg(problem));
        m_action->setAccessibleName(m_action->text());
    }
}

QString NoticesView::detailText() const
{
    QStringList lines;
    for (const QLabel* l : m_detailValues)
        lines.append(l->text());
    return lines.join(u'\n');
}

void NoticesView::acknowledgeCurrent()
{
    const AttendanceNotice* n = currentNotice();
    if (!n || n->isAcknowledged() || m_service->isAcknowledging(n->messageId))
        return;
    m_acknowledge->setEnabled(false);
    m_action->setText(tr("Acknowledging…"));
    m_action->setAccessibleName(m_action->text());
    m_service->acknowledge(n->messageId);
}

void NoticesView::onAcknowledged(const QString& messageId, const QString& error)
{
    Q_UNUSED(messageId)
    m_action->setText(error.isEmpty() ? tr("Acknowledged.") : error);
    m_action->setAccessibleName(m_action->text());
    reload(); // the notice leaves New
    if (error.isEmpty() && !m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
        m_table->setCurrentIndex(m_filter->index(0, 0)); // on to the next new one
    m_table->setFocus();
}

} // namespace cpis::ui
