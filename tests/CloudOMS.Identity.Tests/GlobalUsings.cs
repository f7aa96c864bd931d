global using System.Net;
global using System.Net.Http.Json;
global using CloudOMS.Identity.Tests.Infrastructure;
global using CloudOMS.WebPortal.Tests.Infrastructure;
global using Xunit;
