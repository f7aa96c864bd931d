# Texts of the platform operator's operations sections (read-model quarantine).
TEXTS = {
    "Quarantine.Title": ("读模型隔离区", "Read model quarantine"),
    "Quarantine.Intro": ("以下数据变更无法写入列表与报表（读模型），已单独隔离，其他公司不受影响。修复后点击重试；重启也会自动重试一次。",
                         "These changes could not be written to the lists and reports (the read model). They are set aside so no other company is affected. Retry after a fix; every restart also retries them once."),
    "Quarantine.Empty": ("没有被隔离的变更", "Nothing is quarantined"),
    "Quarantine.Col.Kind": ("类型", "Kind"),
    "Quarantine.Col.Key": ("对象", "Object"),
    "Quarantine.Col.Version": ("版本", "Version"),
    "Quarantine.Col.Error": ("错误", "Error"),
    "Quarantine.Col.Attempts": ("尝试次数", "Attempts"),
    "Quarantine.Col.LastFailed": ("最近失败", "Last failed"),
    "Quarantine.Retry": ("重试", "Retry"),
    "Quarantine.RetryAll": ("全部重试", "Retry all"),
    "Quarantine.Retried": ("已重试 {0} 项：{1} 项已写入，{2} 项仍失败", "Retried {0}: {1} applied, {2} still failing"),
}
