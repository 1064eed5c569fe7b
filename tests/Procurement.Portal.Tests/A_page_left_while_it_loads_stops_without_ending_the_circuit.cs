using Procurement.Portal.Components.Shared;

namespace Procurement.Portal.Tests;

/// <summary>
/// A page the person leaves while it is still loading (e.g. the home page's contract card, disposed by a click on the
/// menu between its calls) stops there: its next call is not made, and nothing reaches the circuit, which would end it
/// and leave the page the person went to dead.
/// </summary>
public sealed class A_page_left_while_it_loads_stops_without_ending_the_circuit : PortalContext
{
    [Fact]
    public async Task The_call_after_the_page_is_gone_is_not_made_and_no_exception_reaches_the_renderer()
    {
        var loading = Render<TwoCalls>().Instance;
        await DisposeComponentsAsync();

        loading.FirstAnswer.SetResult(1);
        await Renderer.Dispatcher.InvokeAsync(() => { });
        await Renderer.Dispatcher.InvokeAsync(() => { });

        loading.FirstToken.IsCancellationRequested.Should().BeTrue("the call running when the page went is cancelled");
        loading.SecondCalled.Should().BeFalse("a page that is gone starts no call");
        var thrown = Renderer.UnhandledException.IsCompleted ? await Renderer.UnhandledException : null;
        thrown.Should().BeNull("a page left while loading must not throw into the circuit");
    }

    /// <summary>A page that loads with two calls, the first answered only when the test says so.</summary>
    private sealed class TwoCalls : PortalPage
    {
        public TaskCompletionSource<int> FirstAnswer { get; } = new();

        public CancellationToken FirstToken { get; private set; }

        public bool SecondCalled { get; private set; }

        protected override async Task OnInitializedAsync()
        {
            await CallAsync(token =>
            {
                FirstToken = token;
                return FirstAnswer.Task;
            });
            await CallAsync(_ =>
            {
                SecondCalled = true;
                return Task.FromResult(2);
            });
        }
    }
}
