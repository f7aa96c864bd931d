global using CloudOMS.Billing.Data;
global using CloudOMS.Billing.Plans;
global using Xunit;
