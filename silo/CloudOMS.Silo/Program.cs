using CloudOMS.Silo;
using Microsoft.Extensions.Hosting;

// A silo on its own (no portal), for a multi-process local cluster. The embedded default is the
// web portal, which co-hosts the same silo.
var builder = Host.CreateApplicationBuilder(args);
builder.AddCloudOmsSilo();
await builder.Build().RunAsync();
