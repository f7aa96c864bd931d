global using CloudOMS.Grains.Tests.Infrastructure;
global using CloudOMS.Testing;
global using Orleans;
global using Xunit;
global using StorageProvider = CloudOMS.Silo.Persistence.StorageProvider;
