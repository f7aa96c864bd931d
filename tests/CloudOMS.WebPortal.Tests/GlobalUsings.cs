global using System.Net;
global using System.Net.Http.Json;
global using CloudOMS.Testing;
global using CloudOMS.WebPortal.Testing;
global using Xunit;
