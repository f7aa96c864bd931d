global using System.Net;
global using System.Net.Http.Json;
global using CloudOMS.WebPortal.Tests.Infrastructure;
global using Xunit;
