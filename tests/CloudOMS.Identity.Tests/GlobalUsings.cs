global using System.Net;
global using System.Net.Http.Json;
global using CloudOMS.Identity.Tests.Infrastructure;
global using CloudOMS.Testing;
global using CloudOMS.WebPortal.Testing;
global using Xunit;
