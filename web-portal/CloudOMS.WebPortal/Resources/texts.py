# Source of the portal's UI texts: run `python3 Resources/texts.py` after editing to regenerate
# UiText.resx (zh-CN, the neutral culture) and UiText.en.resx. Keys are stable identifiers used in .razor files.
from xml.sax.saxutils import escape
import os

TEXTS = {
    "AppName": ("CloudOMS 订单管理", "CloudOMS Order Management"),
    "Menu.Dashboard": ("看板", "Dashboard"),
    "Menu.Orders": ("订单", "Orders"),
    "Menu.Inventory": ("库存", "Inventory"),
    "Menu.Finance": ("财务", "Finance"),
    "Menu.Settings": ("设置", "Settings"),
    "SignOut": ("退出", "Sign out"),
    "SwitchCompany": ("切换公司", "Switch company"),
    "Language": ("English", "中文"),
    "Forbidden.Title": ("没有权限", "Access denied"),
    "Forbidden.Text": ("您的角色没有使用此页面的权限。如需使用，请联系公司管理员。", "Your role does not allow this page. Ask your company's administrator if you need it."),
    "Forbidden.Back": ("返回看板", "Back to the dashboard"),
    "NotFound": ("页面不存在", "Page not found"),
    "Period.Today": ("今天", "Today"),
    "Period.7": ("近 7 天", "Last 7 days"),
    "Period.30": ("近 30 天", "Last 30 days"),
    "Kpi.Sales": ("销售额", "Sales"),
    "Kpi.Orders": ("订单数", "Orders"),
    "Kpi.AverageOrder": ("客单价", "Average order value"),
    "Kpi.Fulfilment": ("履约率", "Fulfilment rate"),
    "Kpi.Repeat": ("复购率", "Repeat-purchase rate"),
    "Kpi.ProcessingHours": ("平均处理时长（小时）", "Avg. processing time (h)"),
    "Kpi.OnTime": ("准时发货率", "On-time shipping rate"),
    "Kpi.Turnover": ("库存周转（次）", "Stock turnover"),
    "Chart.DailySales": ("每日销售额", "Daily sales"),
    "Chart.Channels": ("渠道占比", "Sales by channel"),
    "Chart.TopSkus": ("畅销商品", "Top SKUs"),
    "Chart.SlowSkus": ("滞销商品", "Slow-moving SKUs"),
    "Chart.ByStatus": ("订单状态分布", "Orders by status"),
    "LowStock": ("低库存预警", "Low-stock alerts"),
    "Live": ("实时更新", "Live"),
    "Col.OrderNo": ("订单号", "Order no."),
    "Col.Status": ("状态", "Status"),
    "Col.Payment": ("付款", "Payment"),
    "Col.Channel": ("渠道", "Channel"),
    "Col.Customer": ("收货人", "Customer"),
    "Col.Phone": ("电话", "Phone"),
    "Col.Region": ("地区", "Region"),
    "Col.Warehouse": ("仓库", "Warehouse"),
    "Col.Tracking": ("运单号", "Tracking no."),
    "Col.Total": ("金额", "Total"),
    "Col.Paid": ("已收", "Paid"),
    "Col.Created": ("下单时间", "Created"),
    "Col.Sku": ("SKU", "SKU"),
    "Col.OnHand": ("在库", "On hand"),
    "Col.Reserved": ("已预留", "Reserved"),
    "Col.Available": ("可用", "Available"),
    "Col.SafetyStock": ("安全库存", "Safety stock"),
    "Col.Quantity": ("数量", "Quantity"),
    "Col.Name": ("名称", "Name"),
    "Col.Email": ("邮箱", "Email"),
    "Col.Roles": ("角色", "Roles"),
    "Col.Active": ("启用", "Active"),
    "Col.Permissions": ("权限", "Permissions"),
    "Col.Unpaid": ("未收", "Outstanding"),
    "Search": ("搜索订单号/收货人/电话/运单号", "Search order no. / customer / phone / tracking no."),
    "AllStatuses": ("全部状态", "All statuses"),
    "AllChannels": ("全部渠道", "All channels"),
    "LowStockOnly": ("只看低库存", "Low stock only"),
    "Grid.Empty": ("没有数据", "No records"),
    "Grid.PageSummary": ("第 {0} / {1} 页，共 {2} 条", "Page {0} of {1} ({2} items)"),
    "Settings.Users": ("成员", "Users"),
    "Settings.Roles": ("角色", "Roles"),
    "Settings.ApiClients": ("开放接口凭据", "API clients"),
    "Settings.Invite": ("邀请成员", "Invite"),
    "Settings.Invited": ("邀请邮件已发送", "Invitation sent"),
    "Settings.Audit": ("审计日志", "Audit log"),
    "Settings.NewClient": ("新建凭据", "New API client"),
    "Settings.SecretOnce": ("请立即保存密钥，它只显示这一次：", "Save the secret now, it is shown only once:"),
    "Settings.Revoke": ("吊销", "Revoke"),
    "Settings.Revoked": ("已吊销", "Revoked"),
    "Col.ClientId": ("凭据编号", "Client id"),
    "Col.Action": ("操作", "Action"),
    "Col.Target": ("对象", "Target"),
    "Col.Ip": ("IP", "IP"),
    "Finance.Outstanding": ("待收款订单", "Orders awaiting payment"),
    "Yes": ("是", "Yes"),
    "Inventory.NewWarehouse": ("新建仓库", "New warehouse"),
    "Inventory.NewSku": ("新建商品", "New SKU"),
    "Inventory.Receive": ("入库", "Receive stock"),
    "Inventory.Adjust": ("盘点调整", "Adjust"),
    "Inventory.Transfer": ("调拨", "Transfer"),
    "Inventory.AdjustNonZero": ("调整数量不能为 0（负数表示减少）", "Enter a non-zero quantity (negative to reduce)"),
    "Inventory.TransferTarget": ("请选择另一个调入仓库", "Choose a different destination warehouse"),
    "Field.ToWarehouse": ("调入仓库", "To warehouse"),
    "Field.Code": ("编码", "Code"),
    "Field.Name": ("名称", "Name"),
    "Field.Province": ("省份", "Province"),
    "Field.City": ("城市", "City"),
    "Field.Address": ("地址", "Address"),
    "Field.Priority": ("优先级（1 最优先）", "Priority (1 first)"),
    "Field.Barcode": ("条码", "Barcode"),
    "Field.Unit": ("单位", "Unit"),
    "Field.Price": ("单价", "Price"),
    "Field.Weight": ("重量（公斤）", "Weight (kg)"),
    "Field.SafetyStock": ("安全库存", "Safety stock"),
    "Field.Warehouse": ("仓库", "Warehouse"),
    "Field.Quantity": ("数量", "Quantity"),
    "Field.Reason": ("备注/原因", "Note / reason"),
    "Field.Sku": ("商品", "SKU"),
    "Field.Channel": ("渠道", "Channel"),
    "Field.Customer": ("收货人", "Customer"),
    "Field.Phone": ("电话", "Phone"),
    "Field.ShippingFee": ("运费", "Shipping fee"),
    "Field.Note": ("备注", "Note"),
    "Save": ("保存", "Save"),
    "Orders.New": ("新建订单", "New order"),
    "Orders.Export": ("导出 Excel", "Export to Excel"),
    "Orders.AddLine": ("添加商品", "Add line"),
    "Orders.Available": ("可用库存", "Available"),
    "Order.Lines": ("商品明细", "Lines"),
    "Order.Timeline": ("订单日志", "Timeline"),
    "Order.Payments": ("收款记录", "Payments"),
    "Order.Customer": ("收货信息", "Delivery address"),
    "Order.Shipment": ("物流", "Shipment"),
    "Order.NotFound": ("订单不存在，或不在您负责的仓库。", "No such order, or it is not in your warehouses."),
    "Order.Back": ("返回订单列表", "Back to orders"),
    "Action.Approve": ("审核", "Approve"),
    "Action.Pick": ("开始拣货", "Start picking"),
    "Action.Ship": ("发货", "Ship"),
    "Action.Deliver": ("确认签收", "Mark delivered"),
    "Action.Complete": ("完成", "Complete"),
    "Action.Hold": ("挂起", "Hold"),
    "Action.ReleaseHold": ("取消挂起", "Release hold"),
    "Action.Cancel": ("取消订单", "Cancel order"),
    "Action.Confirm": ("确定", "Confirm"),
    "Ship.Carrier": ("承运商", "Carrier"),
    "Ship.TrackingNo": ("运单号", "Tracking no."),
    "Ship.TrackingRequired": ("请填写运单号（字母、数字）", "Enter the tracking number (letters and digits)"),
    "Done": ("已完成操作", "Done"),
    "Failed": ("操作未成功", "Not done"),
    "Col.UnitPrice": ("单价", "Unit price"),
    "Col.Discount": ("优惠", "Discount"),
    "Col.Amount": ("小计", "Amount"),
    "Col.Time": ("时间", "Time"),
    "Col.Event": ("事件", "Event"),
    "Col.Actor": ("操作人", "By"),
    "Col.Method": ("方式", "Method"),
    "Col.Reference": ("流水号", "Reference"),
    "Payment.Record": ("登记收款", "Record payment"),
    "Field.Amount": ("金额", "Amount"),
    "No": ("否", "No"),
}

STATUSES = {
    "Draft": ("草稿", "Draft"), "PendingReview": ("待审核", "Pending review"), "Approved": ("已审核", "Approved"),
    "Picking": ("拣货中", "Picking"), "Shipped": ("已发货", "Shipped"), "Delivered": ("已签收", "Delivered"),
    "Completed": ("已完成", "Completed"), "OnHold": ("挂起", "On hold"), "Cancelled": ("已取消", "Cancelled"),
    "Rejected": ("已驳回", "Rejected"), "AfterSale": ("售后", "After-sale"),
    "Unpaid": ("未付款", "Unpaid"), "PartiallyPaid": ("部分付款", "Partially paid"), "Paid": ("已付款", "Paid"), "Refunded": ("已退款", "Refunded"),
}
for key, value in STATUSES.items():
    TEXTS["Status." + key] = value

EVENTS = {
    "created": ("创建订单", "Created"), "submitted": ("提交审核", "Submitted"), "approved": ("审核通过", "Approved"),
    "approve-refused": ("审核未通过（库存不足）", "Approval refused (short stock)"), "picking": ("开始拣货", "Picking started"),
    "shipped": ("已发货", "Shipped"), "delivered": ("已签收", "Delivered"), "completed": ("已完成", "Completed"),
    "held": ("挂起", "Put on hold"), "hold-released": ("取消挂起", "Hold released"), "cancelled": ("已取消", "Cancelled"),
    "paid": ("登记收款", "Payment recorded"),
}
for key, value in EVENTS.items():
    TEXTS["Event." + key] = value

# Each area of the portal may keep its texts in its own module, texts_<area>.py, holding a TEXTS dict of the
# same shape; they are merged here and a key defined twice is an error.
import glob, importlib.util
for module_path in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "texts_*.py"))):
    spec = importlib.util.spec_from_file_location(os.path.basename(module_path)[:-3], module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for key, value in module.TEXTS.items():
        if key in TEXTS:
            raise SystemExit(f"{os.path.basename(module_path)}: text key {key} is already defined")
        TEXTS[key] = value

def write(path, index):
    rows = "\n".join(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(v[index])}</value></data>' for k, v in sorted(TEXTS.items()))
    header = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + rows + "\n</root>\n")

here = os.path.dirname(os.path.abspath(__file__))
write(os.path.join(here, "UiText.resx"), 0)
write(os.path.join(here, "UiText.en.resx"), 1)
